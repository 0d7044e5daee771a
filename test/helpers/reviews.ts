/** The seed paper's ten learning points (¶16), in its order, as the default themes name them. */
export const seedLearningPoints = [
  'Fathers and male carers',
  'Professional curiosity',
  'Neglect',
  'Parental mental health',
  'Substance misuse',
  'Behaviour and special educational needs',
  'Children with learning disabilities',
  'Physical abuse',
  'Multi-agency working and planning',
  'Adolescents at risk',
]
