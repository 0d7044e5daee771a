/**
 * The themes a new partnership starts with, each editable or retirable afterwards: the ten most
 * common learning points of the seed cabinet paper's case reviews (¶16), each described in the
 * paper's words so a report's "ten most common learning points" can quote them; the common review
 * themes of ../shared/DOMAIN.md and the paper's other concerns (¶13), and the themes of its
 * learning events (¶10), de-duplicated.
 */
export interface DefaultTheme {
  name: string
  description: string
}

export const defaultThemes: readonly DefaultTheme[] = [
  // The seed paper's ten learning points (¶16), in its order, each described in its words
  {
    name: 'Fathers and male carers',
    description:
      'The importance of thinking carefully about the role of the father in the family system, as well as communication with and involvement of fathers and male carers.',
  },
  {
    name: 'Professional curiosity',
    description:
      'The need for curiosity about the family’s past history, relationships and current circumstances that moves beyond reliance on self-reported information.',
  },
  {
    name: 'Neglect',
    description:
      'There are more challenges faced by professionals working with vulnerable families where neglect is an embedded issue.',
  },
  {
    name: 'Parental mental health',
    description:
      'The impact of the parent’s mental health problems on the safety and wellbeing of the child, in particular maternal mental health.',
  },
  {
    name: 'Substance misuse',
    description:
      'Understanding of drug and substance misuse and interventions, the changing levels of risk, and the impact on the child.',
  },
  {
    name: 'Behaviour and special educational needs',
    description: 'Normalising and misinterpreting behaviour linked to special educational needs.',
  },
  {
    name: 'Children with learning disabilities',
    description:
      'Identifying the increased safeguarding risks for children with learning disabilities and special educational needs.',
  },
  {
    name: 'Physical abuse',
    description: 'Identification of physical abuse and following safeguarding processes thoroughly.',
  },
  {
    name: 'Multi-agency working and planning',
    description:
      'Multi-agency work must be well co-ordinated in order to share planning and to better understand what is happening to the child. Effective risk management requires systematic planning across the partnership.',
  },
  {
    name: 'Adolescents at risk',
    description:
      'The capacity of adolescents to protect themselves can be overestimated, and a tendency to view teenagers as adults rather than children can mean that proactive steps to protect them are not always taken.',
  },
  // Common review themes (DOMAIN.md) and the paper's emerging concerns (¶13)
  {
    name: 'Domestic abuse',
    description: 'The effect on children of abuse between adults in the household, alone or with other risks.',
  },
  {
    name: 'Child sexual exploitation',
    description: 'Spotting and responding to the signs of sexual exploitation, on and offline.',
  },
  {
    name: 'Modern slavery and trafficking',
    description: 'Children trafficked or exploited for labour or crime, including county lines.',
  },
  {
    name: 'Online safety',
    description: 'Safeguarding risks online: grooming, sharing images, bullying and harmful content.',
  },
  {
    name: 'Self-harm',
    description: 'Children who self-harm or have thoughts of suicide, and their mental health.',
  },
  {
    name: 'Radicalisation',
    description: 'Children drawn towards extremism, and the Prevent duty.',
  },
  {
    name: 'Relationships and identity',
    description: 'Healthy relationships, sexuality and gender identity, including transgender young people.',
  },
  {
    name: 'Voice of the child',
    description: 'Seeing the child, hearing what they say and acting on their daily experience.',
  },
  {
    name: 'Disguised compliance',
    description: 'Parents who appear to co-operate with professionals while nothing changes for the child.',
  },
  {
    name: 'Drift and delay',
    description: 'Plans that lose momentum, and decisions put off while the child waits.',
  },
  {
    name: 'Information sharing',
    description: 'Sharing what agencies know about a child in time, and recording it.',
  },
  {
    name: 'Escalation',
    description: 'Challenging other professionals’ decisions and escalating concerns when they are not resolved.',
  },
  {
    name: 'Thresholds',
    description: 'A shared understanding of the threshold of needs, from early help to child protection.',
  },
  {
    name: 'Transitions between services',
    description: 'Handovers between services and into adulthood, where children and information can be lost.',
  },
  {
    name: 'Bruising in non-mobile babies',
    description: 'Any bruise on a baby who cannot yet move independently, and the protocol it triggers.',
  },
  {
    name: 'Safe sleeping',
    description: 'Safe sleeping arrangements for babies and the risks of co-sleeping.',
  },
]
