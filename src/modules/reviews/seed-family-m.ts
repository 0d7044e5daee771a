import { corePanel, type DemoCase } from './seed-data.ts'

/**
 * Family M (seed-published.ts has the other two reviews published in 2016/17): signed off in
 * January 2017 and published in March, after the criminal trial of the men who exploited the girl
 * ended. `relative(days)` dates the recommendation's work still open now.
 */
export function familyM(relative: (days: number) => string): DemoCase {
  return {
    reference: 'Family M',
    fields: {
      circumstances:
        'A fifteen-year-old girl was sexually exploited by a group of adults over eighteen months, while her mother was in and out of hospital with bipolar disorder. Her younger brother, who has attention deficit hyperactivity disorder, was also known to services.',
      incidentOn: '2015-12-28',
      awareOn: '2016-01-11',
      referrer: 'Thames Valley Police',
      harm: 'serious-harm',
      ageBand: '11-15',
      concerns: ['sexual-exploitation', 'parental-mental-health', 'substance-misuse', 'neglect'],
      framework: 'working-together-2015',
      decisionOutcome: 'criteria-met',
      decisionRationale:
        'Abuse is known and the girl was seriously harmed. Many agencies were involved, and there is cause for concern about how they planned together.',
      decidedOn: '2016-02-16',
      reviewType: 'serious-case-review',
      methodology: 'SCIE Learning Together',
      leadReviewer: 'Dr Margaret Ellison, independent reviewer',
      termsOfReference:
        'How agencies recognised exploitation of an adolescent; how the mother’s mental health and the stepfather’s history were known and shared; whether the children had one co-ordinated plan.',
      commissionedOn: '2016-03-15',
      panelMeetings: ['2016-04-19', '2016-06-21', '2016-09-13'],
      draftReceivedOn: '2016-11-22',
      signedOffOn: '2017-01-24',
      sentToPanelOn: '2017-02-14',
      publishedOn: '2017-03-21',
      parallelProcess: 'criminal-trial',
      parallelStartedOn: '2016-05-03',
      parallelEndedOn: '2016-12-09',
      status: 'published',
    },
    referredBy: 'Thames Valley Police',
    decidedBy: 'Claire Morgan',
    agencies: [
      'Thames Valley Police',
      'Oxfordshire County Council',
      'Oxford Health NHS Foundation Trust',
      'Further education colleges',
      'Schools',
    ],
    panel: [...corePanel, 'Sarah Quinn'],
    learningPoints: [
      [
        'The mother’s bipolar disorder and her admissions to hospital left the children without consistent care; her mental health was not at the centre of their plan.',
        ['Parental mental health'],
      ],
      [
        'Adult mental health services did not ask about the children when the mother was admitted.',
        ['Parental mental health'],
      ],
      [
        'Professionals accepted the mother’s account of her recovery without speaking to her care co-ordinator.',
        ['Parental mental health', 'Professional curiosity'],
      ],
      [
        'No one found out who the stepfather was, or about his convictions, although he lived in the home.',
        ['Fathers and male carers', 'Professional curiosity'],
      ],
      [
        'The girl’s father asked to be involved and was left out of the child protection plan.',
        ['Fathers and male carers'],
      ],
      [
        'At fifteen she was seen as making choices: going missing and older “boyfriends” were treated as her lifestyle, not as exploitation.',
        ['Adolescents at risk', 'Child sexual exploitation'],
      ],
      [
        'Steps to protect her were not taken because she was expected to protect herself, and she refused services.',
        ['Adolescents at risk'],
      ],
      ['Her cannabis use, and the changing risk from those supplying it, were never assessed.', ['Substance misuse']],
      [
        'Her brother’s disruptive behaviour at school was put down to his diagnosis without asking about home.',
        ['Behaviour and special educational needs'],
      ],
      [
        'Her mild learning disability was not recorded by the police or the exploitation team, so the heightened risk to her was missed.',
        ['Children with learning disabilities'],
      ],
      [
        'Agencies held separate plans: there was no single multi-agency plan and no one co-ordinating the work.',
        ['Multi-agency working and planning', 'Information sharing'],
      ],
      [
        'The younger children’s long-term neglect was lost behind the crisis of their sister’s exploitation.',
        ['Neglect'],
      ],
    ],
    recommendations: [
      {
        agency: 'Thames Valley Police',
        text: 'Treat every child who goes missing with older adults as at risk of exploitation, and hold a strategy discussion.',
        dueOn: '2017-09-30',
        status: 'complete',
        completed: {
          completedOn: '2017-10-05',
          evidence:
            'The missing children procedure changed in October 2017; strategy discussions are recorded in every case.',
        },
      },
      {
        agency: 'Oxford Health NHS Foundation Trust',
        text: 'Care co-ordinators in adult mental health services must tell the child’s social worker when a parent is admitted to hospital.',
        response: 'Accepted. We are agreeing the admission procedure with the local authority.',
        dueOn: relative(90),
        status: 'in-progress',
        actions: [
          {
            description: 'Agree with children’s social care how they are told of a parent’s admission',
            owner: 'Sam Patel',
            dueOn: relative(-20),
            status: 'at-risk',
          },
          {
            description: 'Brief every care co-ordinator on the new process',
            owner: 'Grace Lindqvist',
            dueOn: relative(60),
          },
        ],
      },
      {
        agency: 'Oxfordshire County Council',
        text: 'Appoint a lead professional to co-ordinate one multi-agency plan for every child at risk of exploitation.',
        dueOn: '2017-03-31',
        status: 'complete',
        completed: {
          completedOn: '2017-03-20',
          evidence: 'Lead professionals named for all 38 children on the exploitation list in March 2017.',
        },
      },
      {
        agency: 'Further education colleges',
        text: 'Record students’ learning disabilities and share them with the exploitation team when a student is at risk.',
        dueOn: '2017-12-31',
        status: 'complete',
        completed: {
          completedOn: '2018-01-15',
          evidence:
            'Both colleges’ information-sharing agreements with the exploitation team include it from January 2018.',
        },
      },
    ],
    summary: {
      whatHappened:
        'A fifteen-year-old girl was sexually exploited by adults over eighteen months. Her mother was often in hospital with bipolar disorder; a stepfather with convictions lived in the home; agencies each held their own plan.',
      whatWeLearned:
        '- Teenagers are children: going missing with older adults is a sign of exploitation, not a lifestyle choice.\n- A parent’s mental illness changes what the children need; ask about the children at every admission.\n- One plan, one co-ordinator.',
      whatToDoDifferently:
        '- Hold a strategy discussion when a child goes missing with older adults.\n- Find out who every adult in the home is.\n- Record a young person’s learning disability and share it with those protecting them.',
    },
  }
}
