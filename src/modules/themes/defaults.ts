/**
 * The themes a new partnership starts with, each editable or retirable afterwards: the ten most
 * common learning points of the seed cabinet paper's case reviews (¶16; its sixth and seventh, on
 * special educational needs, are one theme), the common review themes of ../shared/DOMAIN.md and
 * the paper's other concerns (¶13), and the themes of its learning events (¶10), de-duplicated.
 */
export interface DefaultTheme {
  name: string
  description: string
}

export const defaultThemes: readonly DefaultTheme[] = [
  // The seed paper's ten learning points (¶16)
  {
    name: 'Fathers and male carers',
    description:
      'The role of fathers and other men in the family, including “hidden” men, and involving them in assessment and plans.',
  },
  {
    name: 'Professional curiosity',
    description: 'Looking beyond what a family reports about its history, relationships and circumstances.',
  },
  {
    name: 'Neglect',
    description: 'Recognising and working with long-term and embedded neglect.',
  },
  {
    name: 'Parental mental health',
    description: 'The effect of a parent’s mental ill health, maternal mental health especially, on a child’s safety.',
  },
  {
    name: 'Substance misuse',
    description: 'Parents’ use of drugs and alcohol, how the risk changes, and its effect on the child.',
  },
  {
    name: 'Special educational needs and disability',
    description:
      'The greater risks to disabled children and those with special educational needs, and behaviour misread as part of a need.',
  },
  {
    name: 'Physical abuse',
    description: 'Identifying physical abuse and following safeguarding procedures thoroughly.',
  },
  {
    name: 'Multi-agency working and planning',
    description: 'Co-ordinated work, shared planning and risk management across the partnership’s agencies.',
  },
  {
    name: 'Adolescents at risk',
    description: 'Protecting teenagers as children, not treating them as adults able to protect themselves.',
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
