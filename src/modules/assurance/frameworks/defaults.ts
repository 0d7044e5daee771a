import type { FrameworkKind } from '../audit-schema.ts'
import type { ScaleCode } from '../scales.ts'

/**
 * The frameworks every partnership starts with, as data: the common eight section 11 standards
 * (DOMAIN.md; Children Act 2004 s11 and Working Together) graded red, amber, green, and the schools'
 * safeguarding audit (Education Act 2002 s175/157 and Keeping Children Safe in Education) in eight
 * areas graded fully, mostly, partially or not met. A partnership edits them as its own; an edit to
 * a version in use makes a new version (versions.ts).
 */
export interface DefaultStandard {
  title: string
  description?: string
  criteria: string[]
}

export interface DefaultFramework {
  kind: FrameworkKind
  name: string
  scale: ScaleCode
  standards: DefaultStandard[]
}

export const section11Framework: DefaultFramework = {
  kind: 'section-11',
  name: 'Section 11 standards',
  scale: 'rag',
  standards: [
    {
      title: 'Senior management commitment to safeguarding and promoting children’s welfare',
      criteria: [
        'Senior managers have a clear understanding of their safeguarding duties',
        'Safeguarding children is set out in the organisation’s strategic and business plans',
        'A named senior board member or director leads on safeguarding',
        'Senior managers receive regular reports on the quality of safeguarding practice',
      ],
    },
    {
      title: 'A clear statement of the agency’s responsibilities towards children, available to all staff',
      criteria: [
        'A safeguarding policy, reviewed at least every 2 years, is available to all staff and volunteers',
        'Staff know how to raise a concern about a child and how to escalate it',
        'The policy follows the partnership’s multi-agency procedures and thresholds',
        'Children, families and the public are told what the organisation does to safeguard children',
      ],
    },
    {
      title: 'A clear line of accountability for safeguarding within the organisation',
      criteria: [
        'Named and designated safeguarding professionals have the time and support the role needs',
        'Every member of staff knows who to go to for safeguarding advice',
        'Safeguarding supervision is available to staff working with children and families',
        'Lines of accountability for safeguarding are recorded in job descriptions',
      ],
    },
    {
      title: 'Service development that takes account of safeguarding and of the views of children and families',
      criteria: [
        'New and changed services are assessed for their effect on children’s safety',
        'The views of children and families shape how services are designed and reviewed',
        'Learning from case reviews and audits changes services, and the change is checked',
      ],
    },
    {
      title: 'Effective safeguarding training for all staff in contact with children',
      criteria: [
        'A training needs analysis sets the level of safeguarding training for each role',
        'Staff complete safeguarding training at induction and refresh it at the set interval',
        'Training completion is recorded and reported to senior managers',
        'Staff attend the partnership’s multi-agency training where their role needs it',
        'The effect of training on practice is evaluated',
      ],
    },
    {
      title: 'Safer recruitment, vetting and managing allegations against staff',
      criteria: [
        'Recruitment follows safer recruitment practice, with a trained person on each panel',
        'DBS and other checks are completed before staff start work with children',
        'Allegations against staff are referred to the LADO within one working day',
        'A senior manager is named to manage allegations, and staff know who it is',
      ],
    },
    {
      title: 'Effective inter-agency working',
      criteria: [
        'Staff contribute to strategy discussions, assessments and child protection conferences',
        'The organisation takes part in the partnership’s subgroups and audits',
        'Disagreements between professionals are resolved through the escalation policy',
        'Staff understand and use the partnership’s threshold document',
      ],
    },
    {
      title: 'Effective information sharing',
      criteria: [
        'Staff know when and how to share information to safeguard a child, with or without consent',
        'Information-sharing agreements are in place with partner agencies',
        'Records of safeguarding concerns are accurate, timely and kept securely',
        'Information is shared in time for meetings and conferences',
      ],
    },
  ],
}

export const schoolsFramework: DefaultFramework = {
  kind: 'schools',
  name: 'Schools’ safeguarding audit (section 175/157)',
  scale: 'met',
  standards: [
    {
      title: 'Leadership and the designated safeguarding lead',
      criteria: [
        'A designated safeguarding lead (DSL) is appointed from the senior leadership team',
        'The DSL role is written into their job description, with time and resources to do it',
        'At least one deputy DSL is trained to the same level as the DSL',
        'The DSL is available during school hours, with cover arranged for absences',
        'The DSL has refreshed their training in the last 2 years',
        'Leaders make sure safeguarding is part of the school’s culture and everyday practice',
        'Staff have access to supervision or support after dealing with a safeguarding concern',
      ],
    },
    {
      title: 'Policies',
      criteria: [
        'The child protection policy is reviewed every year and published on the school’s website',
        'The policy reflects the current Keeping Children Safe in Education',
        'A staff behaviour policy (code of conduct) is in place and known to staff',
        'The policy sets out how the school handles child-on-child abuse',
        'There is a whistleblowing policy that staff know how to use',
        'All staff have read and signed to confirm they have read Part 1 of Keeping Children Safe in Education',
        'Policies follow the partnership’s multi-agency procedures',
      ],
    },
    {
      title: 'Safer recruitment and the single central record',
      criteria: [
        'The single central record is complete, accurate and up to date',
        'At least one person on every interview panel has completed safer recruitment training',
        'Enhanced DBS checks with barred list checks are completed before staff start',
        'References are obtained and checked before appointment',
        'Checks on supply, agency and contract staff are recorded',
        'Volunteers are risk-assessed and checked as their role needs',
        'Allegations against staff are referred to the LADO and managed under the procedures',
      ],
    },
    {
      title: 'Training',
      criteria: [
        'All staff receive safeguarding and child protection training at induction',
        'All staff receive refresher training at least every 3 years, with regular updates',
        'Staff receive Prevent training',
        'Governors receive safeguarding training',
        'Training records are kept and checked',
        'Staff can say what to do if they have a concern about a child',
      ],
    },
    {
      title: 'Online safety',
      criteria: [
        'Appropriate filtering and monitoring are in place and checked',
        'Online safety is taught through the curriculum',
        'Staff receive online safety training',
        'Parents and carers are given information about keeping children safe online',
        'An acceptable use policy covers pupils, staff and the use of mobile phones',
        'Online safety incidents are recorded and acted on',
      ],
    },
    {
      title: 'Early help and referrals',
      criteria: [
        'Staff know the signs of children who may benefit from early help',
        'The school leads or takes part in early help assessments',
        'Referrals to children’s social care follow the partnership’s threshold document',
        'Referrals are made promptly and followed up in writing',
        'The DSL escalates when they disagree with a decision on a referral',
        'Staff attend child protection conferences and core groups and provide reports',
        'Concerns and actions are recorded in a secure, dated, chronological record',
        'Child protection files are transferred securely when a child moves school',
      ],
    },
    {
      title: 'Children missing education',
      criteria: [
        'Unexplained absence is followed up on the first day',
        'Children missing education are referred to the local authority',
        'The school informs the local authority before removing a pupil from the roll',
        'The school holds more than one emergency contact for each child',
        'Patterns of absence are monitored for safeguarding concerns',
        'Children on part-time timetables are known, reviewed and reported',
      ],
    },
    {
      title: 'Governance',
      criteria: [
        'A named governor or trustee leads on safeguarding',
        'The governing body receives an annual safeguarding report',
        'Governors check that policies and procedures are followed',
        'The chair of governors knows how to handle an allegation against the headteacher',
        'Governors make sure the school works with the partnership’s arrangements',
        'Safeguarding actions from this audit are monitored by the governing body',
        'Governors check that the curriculum teaches children how to keep safe',
      ],
    },
  ],
}

export const defaultFrameworks: Record<FrameworkKind, DefaultFramework> = {
  'section-11': section11Framework,
  schools: schoolsFramework,
}
