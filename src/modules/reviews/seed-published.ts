import { familyM } from './seed-family-m.ts'
import { corePanel, type DemoCase } from './seed-data.ts'

/**
 * The three serious case reviews the seed paper's 2016/17 report calls "recently published" (¶16,
 * ¶20): Child K, signed off in 2015/16 and published in May 2016; Child L and Family M, both
 * signed off and published in 2016/17. Their learning points, tagged with the default themes, rank
 * as the paper's ten most common learning points in its order (test/reviews-demo.test.ts): fathers
 * and male carers in 7 points across all three reviews, professional curiosity 6 (3 reviews),
 * neglect 5 (3), parental mental health 5 (2), substance misuse 4 (3), behaviour and special
 * educational needs 4 (2), learning disabilities 3 (2), physical abuse 3 (1), multi-agency
 * planning 2 (2), adolescents 2 (1); five other themes once each. `relative(days)` dates the
 * recommendations' work still open now.
 */
export function publishedReviews(relative: (days: number) => string): DemoCase[] {
  return [...childKAndL(relative), familyM(relative)]
}

function childKAndL(relative: (days: number) => string): DemoCase[] {
  return [
    {
      reference: 'Child K',
      fields: {
        circumstances:
          'A four-month-old baby was brought to hospital with a head injury; scans found older fractures of the ribs. The mother’s new partner had moved into the household some weeks before. The family was known to health visiting, and briefly to children’s social care after a small bruise was seen on the baby’s face at six weeks.',
        incidentOn: '2015-03-02',
        awareOn: '2015-03-04',
        referrer: 'Children’s social care duty manager',
        harm: 'serious-harm',
        ageBand: 'under-1',
        concerns: ['physical-abuse', 'domestic-abuse', 'substance-misuse'],
        framework: 'working-together-2015',
        decisionOutcome: 'criteria-met',
        decisionRationale:
          'Abuse is known and the baby was seriously harmed. There is cause for concern about how agencies worked together: the bruise at six weeks was not referred under the protocol for bruising in non-mobile babies.',
        decidedOn: '2015-04-14',
        panelView:
          'The national panel of independent experts agreed that the criteria for a serious case review are met.',
        panelViewOn: '2015-05-05',
        reviewType: 'serious-case-review',
        methodology: 'SCIE Learning Together',
        leadReviewer: 'Dr Margaret Ellison, independent reviewer',
        termsOfReference:
          'How agencies recognised and responded to injuries to a non-mobile baby; how they knew who lived in and visited the household; how the risk from the partner’s drug use and history of domestic abuse was shared and assessed.',
        commissionedOn: '2015-05-12',
        panelMeetings: ['2015-06-09', '2015-08-18', '2015-10-20'],
        draftReceivedOn: '2015-12-15',
        signedOffOn: '2016-02-23',
        sentToPanelOn: '2016-04-19',
        publishedOn: '2016-05-18',
        status: 'published',
      },
      referredBy: 'Oxfordshire County Council',
      decidedBy: 'Claire Morgan',
      agencies: [
        'Oxford University Hospitals NHS Foundation Trust',
        'Oxford Health NHS Foundation Trust',
        'Oxfordshire County Council',
        'Thames Valley Police',
        'Oxfordshire Clinical Commissioning Group',
      ],
      panel: [...corePanel, 'Grace Lindqvist'],
      learningPoints: [
        [
          'Professionals did not know that the mother’s new partner had moved into the household, so the risk he posed was never assessed.',
          ['Fathers and male carers', 'Professional curiosity'],
        ],
        [
          'The baby’s father was not invited to the discharge planning meeting, nor asked about his own history.',
          ['Fathers and male carers'],
        ],
        [
          'The health visitor accepted the mother’s account that she no longer used cannabis without checking it with her GP or the drug service.',
          ['Professional curiosity', 'Substance misuse'],
        ],
        [
          'A bruise on the baby’s face at six weeks was explained as “from the car seat”, and the protocol for bruising in non-mobile babies was not followed.',
          ['Physical abuse', 'Bruising in non-mobile babies'],
        ],
        [
          'When the baby was brought to the emergency department with a swollen arm, no skeletal survey was done and no referral made.',
          ['Physical abuse'],
        ],
        [
          'A referral after the second injury was closed after a single assessment, without a strategy discussion.',
          ['Physical abuse'],
        ],
        [
          'The partner’s drug use and the police call-outs for domestic abuse were never put together, so the change in risk when he moved in was missed.',
          ['Fathers and male carers', 'Substance misuse', 'Domestic abuse'],
        ],
        [
          'Poor home conditions and missed immunisations were seen separately, not as signs of neglect alongside the injuries.',
          ['Neglect'],
        ],
      ],
      recommendations: [
        {
          agency: 'Oxford University Hospitals NHS Foundation Trust',
          text: 'Make sure everyone in the emergency department and on the children’s wards applies the partnership’s protocol for bruising in non-mobile babies, and audit its use.',
          response: 'Accepted. Training for all emergency department and paediatric staff by September 2016.',
          dueOn: '2016-09-30',
          status: 'complete',
          completed: {
            completedOn: '2016-09-28',
            evidence:
              'The protocol is part of the emergency department’s induction from July 2016. An audit of 40 attendances of non-mobile babies in August 2016 found it followed in 39.',
          },
        },
        {
          agency: 'Oxfordshire County Council',
          text: 'Children’s social care assessments must identify every adult in the household, including new partners, and assess the risk each poses.',
          response: 'Accepted. The assessment template and practice guidance will change.',
          dueOn: '2016-12-31',
          status: 'complete',
          completed: {
            completedOn: '2017-01-31',
            evidence:
              'The assessment template changed in November 2016. An audit of 25 assessments in January 2017 found every household member recorded in 23.',
          },
        },
        {
          agency: 'Oxford Health NHS Foundation Trust',
          text: 'Health visitors must record who lives in and visits the household, and see fathers and male carers at the new birth visit and later contacts.',
          response:
            'Accepted. The health visiting record and our guidance on engaging fathers are changing; we report progress to the subgroup each quarter.',
          dueOn: relative(60),
          status: 'in-progress',
          actions: [
            {
              description: 'Change the health visiting record template to record everyone in the household',
              owner: 'Grace Lindqvist',
              dueOn: '2016-10-31',
              completed: {
                completedOn: '2016-10-25',
                evidence:
                  'The new template went live on 24 October 2016; the change notice went to every health visitor.',
              },
            },
            {
              description: 'Train every health visitor in engaging fathers and male carers',
              owner: 'Sam Patel',
              dueOn: relative(30),
              status: 'on-track',
            },
            {
              description: 'Audit 30 new birth visit records for how fathers and male carers are recorded',
              owner: 'Grace Lindqvist',
              dueOn: relative(-12),
            },
          ],
        },
        {
          agency: 'Thames Valley Police',
          text: 'Share every domestic abuse incident in a household with a child under one with the health visiting service within one working day.',
          dueOn: '2016-07-31',
          status: 'complete',
          completed: {
            completedOn: '2016-06-15',
            evidence:
              'Notifications go through the multi-agency safeguarding hub from June 2016; a sample of 20 was checked.',
          },
        },
      ],
      summary: {
        whatHappened:
          'A baby of four months was brought to hospital with a head injury, and scans found older fractures. A bruise had been seen on the baby’s face at six weeks. The mother’s new partner, who used drugs and had a history of domestic abuse, had recently moved in; professionals did not know.',
        whatWeLearned:
          '- Any bruise on a baby who is not yet mobile is a safeguarding concern until shown otherwise.\n- Ask who lives in and visits the home, and assess every adult, fathers and male carers included.\n- Check what parents tell you about drug use with the services that know.',
        whatToDoDifferently:
          '- Follow the protocol for bruising in non-mobile babies every time.\n- Record everyone in the household at each contact, and see the men in the family.\n- Put together what each agency knows before closing a referral.',
      },
    },
    {
      reference: 'Child L',
      fields: {
        circumstances:
          'A ten-year-old boy with autism and a learning disability was found by police living without heating or enough food, with an untreated injury from a fall. He and his two sisters had been known to services for neglect for several years; his mother had long-term depression.',
        incidentOn: '2015-09-21',
        awareOn: '2015-09-23',
        referrer: 'Thames Valley Police child abuse investigation unit',
        harm: 'serious-harm',
        ageBand: '6-10',
        concerns: ['neglect', 'parental-mental-health'],
        framework: 'working-together-2015',
        decisionOutcome: 'criteria-met',
        decisionRationale:
          'Neglect is known and the boy was seriously harmed. Several agencies knew of the neglect over years without it being brought together: there is cause for concern about how they worked together.',
        decidedOn: '2015-10-20',
        reviewType: 'serious-case-review',
        methodology: 'Significant incident learning process (SILP)',
        leadReviewer: 'Jane Lockwood, independent reviewer',
        termsOfReference:
          'How agencies recognised long-term neglect; how the boy’s disability and behaviour were understood; how the mother’s mental health and the father’s care at weekends were assessed.',
        commissionedOn: '2015-11-17',
        panelMeetings: ['2016-01-12', '2016-03-08', '2016-05-10'],
        draftReceivedOn: '2016-06-28',
        signedOffOn: '2016-09-20',
        sentToPanelOn: '2016-10-11',
        publishedOn: '2016-11-15',
        status: 'published',
      },
      referredBy: 'Thames Valley Police',
      decidedBy: 'Claire Morgan',
      agencies: [
        'Oxfordshire County Council',
        'Oxford Health NHS Foundation Trust',
        'Schools',
        'Oxfordshire Clinical Commissioning Group',
        'Thames Valley Police',
      ],
      panel: [...corePanel, 'Dr Ben Adeyemi'],
      learningPoints: [
        [
          'Professionals worked with the mother and did not engage the father, who cared for the children most weekends.',
          ['Fathers and male carers'],
        ],
        [
          'No one asked who else cared for the children, or sought the family’s history from the local authority where they had lived before.',
          ['Professional curiosity', 'Fathers and male carers'],
        ],
        [
          'The neglect lasted years; each agency saw part of it, and no one used the neglect toolkit to see the whole.',
          ['Neglect', 'Multi-agency working and planning'],
        ],
        [
          'Poor hygiene, missed health appointments and hunger at school came to be accepted as the family’s normal.',
          ['Neglect'],
        ],
        [
          'The effect of the mother’s depression on her capacity to care for the children was never assessed with adult mental health services.',
          ['Parental mental health'],
        ],
        [
          'Professionals relied on the mother’s report that she was taking her medication and attending appointments.',
          ['Parental mental health', 'Professional curiosity'],
        ],
        [
          'School saw the boy’s aggression as part of his autism and did not ask whether it was distress at what was happening at home.',
          ['Behaviour and special educational needs'],
        ],
        [
          'His weight loss was put down to sensory difficulties with food rather than explored as a sign of neglect.',
          ['Behaviour and special educational needs', 'Neglect'],
        ],
        [
          'His limited speech meant his views were not sought: no one used the communication aids his school had.',
          ['Children with learning disabilities', 'Voice of the child'],
        ],
        [
          'Professionals did not see that his learning disability made him more vulnerable and less able to tell anyone what was happening.',
          ['Children with learning disabilities', 'Behaviour and special educational needs'],
        ],
        ['The father’s drinking while caring at weekends was known to his GP but not shared.', ['Substance misuse']],
      ],
      recommendations: [
        {
          agency: 'Oxfordshire County Council',
          text: 'Keep a full chronology for every child subject to a child protection plan.',
          dueOn: '2017-03-31',
          status: 'complete',
          completed: {
            completedOn: '2017-03-15',
            evidence:
              'A chronology tool is in the case record for every child protection plan from March 2017; 92% complete at audit.',
          },
        },
        {
          agency: 'Oxfordshire County Council',
          text: 'Write a procedure for professionals to meet without the parents to consider a case that may be drifting.',
          dueOn: '2017-02-28',
          status: 'complete',
          completed: {
            completedOn: '2017-02-28',
            evidence:
              'The procedure “Professionals’ meetings” was published in the online procedures in February 2017.',
          },
        },
        {
          agency: 'Schools',
          text: 'Train special educational needs co-ordinators to recognise neglect and distress in children with autism and learning disabilities.',
          dueOn: '2017-07-31',
          status: 'complete',
          completed: {
            completedOn: '2017-07-20',
            evidence:
              'Two sessions in June and July 2017 trained 64 co-ordinators; the evaluation is with the subgroup.',
          },
        },
        {
          agency: 'Oxford Health NHS Foundation Trust',
          text: 'Adult mental health services must ask about the children of every parent they see, and share concerns with children’s social care.',
          response: 'Accepted. A “think family” question will be added to the adult mental health assessment.',
          dueOn: '2017-03-01',
          status: 'complete',
          completed: {
            completedOn: '2017-06-30',
            evidence:
              'The “think family” question is in the assessment from June 2017; an audit of 50 records found it answered in 46.',
          },
          actions: [
            {
              description: 'Add the “think family” question to the adult mental health assessment',
              owner: 'Sam Patel',
              dueOn: '2017-03-01',
              completed: { completedOn: '2017-06-30', evidence: 'Assessment form version 4, live from 30 June 2017.' },
            },
          ],
        },
      ],
      summary: {
        whatHappened:
          'A ten-year-old boy with autism and a learning disability lived with long-term neglect that several agencies saw part of. His mother had depression; his father cared for the children at weekends and drank.',
        whatWeLearned:
          '- Neglect that has lasted years becomes “normal” to those who see it: step back and look at the whole picture.\n- A child’s disability can hide distress and neglect, and makes them less able to tell.\n- Fathers who care for children part of the time are part of the assessment.',
        whatToDoDifferently:
          '- Use the neglect toolkit, and keep a chronology.\n- Find out how a child who does not speak communicates, and use it to hear them.\n- Call a professionals’ meeting when a case seems to drift.',
      },
    },
  ]
}
