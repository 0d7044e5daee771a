import type { LearnerSector } from './schema.ts'
import { gmail, schoolDomains, schoolJobs } from './seed-names.ts'

/**
 * Where the demo's workforce work: for each sector, the places people work —
 * a directory agency (by name) or others they name — with plausible email domains and jobs.
 */
export interface Workplace {
  weight: number
  agency: string | null
  others?: readonly string[]
  domains: readonly string[]
  jobs: readonly string[]
}

/** The district and city councils' housing teams: [agency, domain, job]. */
const districtHousing: [string, string, string][] = [
  ['Oxford City Council', 'oxford.gov.uk', 'Housing officer'],
  ['Cherwell District Council', 'cherwell-dc.gov.uk', 'Housing options officer'],
  ['South Oxfordshire District Council', 'southandvale.gov.uk', 'Housing needs officer'],
  ['Vale of White Horse District Council', 'southandvale.gov.uk', 'Community safety officer'],
  ['West Oxfordshire District Council', 'westoxon.gov.uk', 'Tenancy sustainment officer'],
]

export const sectors: Record<LearnerSector, { weight: number; workplaces: Workplace[] }> = {
  education: {
    weight: 27,
    workplaces: [
      { weight: 80, agency: 'Schools', domains: schoolDomains, jobs: schoolJobs },
      {
        weight: 14,
        agency: 'Further education colleges',
        domains: ['oxfordshire-fe.ac.uk', 'banbury-college.ac.uk'],
        jobs: ['Lecturer', 'Student support adviser', 'Safeguarding officer', 'Tutor'],
      },
      {
        weight: 6,
        agency: null,
        others: ['Radley Vale Independent School', 'Thames Preparatory School', 'Oxford Tutorial College'],
        domains: ['radleyvale.org.uk', 'thamesprep.co.uk', 'oxtutorial.ac.uk'],
        jobs: ['Teacher', 'Houseparent', 'Designated safeguarding lead'],
      },
    ],
  },
  'early-years': {
    weight: 12,
    workplaces: [
      {
        weight: 70,
        agency: null,
        others: [
          'Little Acorns Nursery',
          'Busy Bees Pre-school, Didcot',
          'Childminder',
          'Rainbow Day Nursery',
          'Sunflower Pre-school',
        ],
        domains: [...gmail, 'littleacorns-nursery.co.uk', 'rainbowdaynursery.co.uk'],
        jobs: ['Nursery practitioner', 'Nursery manager', 'Childminder', 'Pre-school leader', 'Room leader'],
      },
      {
        weight: 30,
        agency: 'Oxfordshire County Council',
        domains: ['oxfordshire.gov.uk'],
        jobs: ['Children’s centre worker', 'Early years advisor', 'Family support worker'],
      },
    ],
  },
  health: {
    weight: 18,
    workplaces: [
      {
        weight: 35,
        agency: 'Oxford University Hospitals NHS Foundation Trust',
        domains: ['ouh.nhs.uk', 'nhs.net'],
        jobs: ['Staff nurse', 'Midwife', 'Paediatric registrar', 'Emergency department nurse', 'Healthcare assistant'],
      },
      {
        weight: 35,
        agency: 'Oxford Health NHS Foundation Trust',
        domains: ['oxfordhealth.nhs.uk', 'nhs.net'],
        jobs: ['Health visitor', 'School nurse', 'CAMHS practitioner', 'Community psychiatric nurse'],
      },
      {
        weight: 8,
        agency: 'Oxfordshire Clinical Commissioning Group',
        domains: ['nhs.net'],
        jobs: ['Safeguarding nurse advisor', 'Commissioning manager'],
      },
      {
        weight: 22,
        agency: null,
        others: ['Cherwell Vale Surgery', 'Isis Medical Practice', 'Thame Health Centre', 'Wantage Dental Care'],
        domains: ['nhs.net'],
        jobs: ['General practitioner', 'Practice nurse', 'Practice manager', 'Dental nurse', 'Receptionist'],
      },
    ],
  },
  'childrens-social-care': {
    weight: 10,
    workplaces: [
      {
        weight: 90,
        agency: 'Oxfordshire County Council',
        domains: ['oxfordshire.gov.uk'],
        jobs: ['Social worker', 'Senior social worker', 'Team manager', 'Family support worker', 'Residential worker'],
      },
      {
        weight: 10,
        agency: null,
        others: ['Foster carer', 'Thames Fostering Agency'],
        domains: [...gmail, 'thamesfostering.co.uk'],
        jobs: ['Foster carer', 'Supervising social worker'],
      },
    ],
  },
  'adult-social-care': {
    weight: 3,
    workplaces: [
      {
        weight: 60,
        agency: 'Oxfordshire County Council',
        domains: ['oxfordshire.gov.uk'],
        jobs: ['Adult social worker', 'Occupational therapist', 'Reablement worker'],
      },
      {
        weight: 40,
        agency: null,
        others: ['Home Care Oxford', 'Cotswold Care Homes'],
        domains: ['homecareoxford.co.uk', 'cotswoldcare.org.uk'],
        jobs: ['Care worker', 'Care home manager'],
      },
    ],
  },
  police: {
    weight: 4,
    workplaces: [
      {
        weight: 100,
        agency: 'Thames Valley Police',
        domains: ['thamesvalley.pnn.police.uk'],
        jobs: ['Police constable', 'Detective constable', 'Police community support officer', 'Detective sergeant'],
      },
    ],
  },
  'probation-and-youth-justice': {
    weight: 2,
    workplaces: [
      {
        weight: 40,
        agency: 'National Probation Service',
        domains: ['probation.gsi.gov.uk'],
        jobs: ['Probation officer', 'Probation services officer'],
      },
      {
        weight: 30,
        agency: 'Thames Valley Community Rehabilitation Company',
        domains: ['thamesvalleycrc.org.uk'],
        jobs: ['Case manager', 'Responsible officer'],
      },
      {
        weight: 30,
        agency: 'Oxfordshire County Council',
        domains: ['oxfordshire.gov.uk'],
        jobs: ['Youth justice worker', 'Youth justice officer'],
      },
    ],
  },
  housing: {
    weight: 3,
    workplaces: [
      ...districtHousing.map(([agency, domain, job]) => ({ weight: 14, agency, domains: [domain], jobs: [job] })),
      {
        weight: 30,
        agency: null,
        others: ['Soha Housing', 'Sovereign Housing Association', 'Oxford Night Shelter'],
        domains: ['sohahousing.org.uk', 'sovereign.org.uk', 'oxfordnightshelter.org.uk'],
        jobs: ['Housing support worker', 'Neighbourhood officer'],
      },
    ],
  },
  'voluntary-and-community': {
    weight: 10,
    workplaces: [
      {
        weight: 50,
        agency: 'Voluntary and community sector',
        domains: ['oxfordshireyouth.org', 'oxonvolunteers.org.uk', 'homestart-oxford.org.uk'],
        jobs: ['Youth worker', 'Volunteer co-ordinator', 'Family support volunteer', 'Project manager'],
      },
      {
        weight: 50,
        agency: null,
        others: [
          'Home-Start Oxford',
          'Oxfordshire Mind',
          'Banbury Youth Club',
          'Oxford Sexual Abuse and Rape Crisis Centre',
        ],
        domains: [
          'homestart-oxford.org.uk',
          'oxfordshire-mind.org.uk',
          'banburyyouth.org.uk',
          'osarcc.org.uk',
          ...gmail,
        ],
        jobs: ['Support worker', 'Volunteer', 'Youth worker', 'Helpline adviser'],
      },
    ],
  },
  faith: {
    weight: 3,
    workplaces: [
      {
        weight: 100,
        agency: null,
        others: ['Diocese of Oxford', 'St Mary’s Church, Witney', 'Oxford Central Mosque', 'Banbury Baptist Church'],
        domains: ['oxford.anglican.org', ...gmail],
        jobs: ['Parish safeguarding officer', 'Youth leader', 'Children’s worker', 'Imam', 'Minister'],
      },
    ],
  },
  'sport-and-leisure': {
    weight: 3,
    workplaces: [
      {
        weight: 100,
        agency: null,
        others: ['Oxford City Football Club', 'Witney Swimming Club', 'Abingdon Rugby Club', 'Better leisure centres'],
        domains: [...gmail, 'witneyswimming.org.uk'],
        jobs: ['Coach', 'Club welfare officer', 'Lifeguard', 'Activity leader'],
      },
    ],
  },
  other: {
    weight: 4,
    workplaces: [
      {
        weight: 40,
        agency: 'Armed forces (RAF Brize Norton)',
        domains: ['mod.gov.uk'],
        jobs: ['Welfare officer', 'Community development worker', 'Families officer'],
      },
      {
        weight: 60,
        agency: null,
        others: ['Oxfordshire Libraries', 'Oxford Bus Company', 'Taxi licensing', 'Oxford Brookes University'],
        domains: ['oxfordshire.gov.uk', 'oxfordbus.co.uk', 'brookes.ac.uk', ...gmail],
        jobs: ['Library assistant', 'Driver', 'Licensing officer', 'Student support officer'],
      },
    ],
  },
}

export const sectorWeights = Object.entries(sectors).map(([sector, { weight }]) => [sector, weight] as const) as [
  LearnerSector,
  number,
][]
