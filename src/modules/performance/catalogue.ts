import type { Frequency, IndicatorUnit, Polarity } from './schema.ts'

/**
 * The standard children's social care measures every partnership's catalogue starts with (the
 * department's Children in Need census and looked-after children return: ../shared/DOMAIN.md,
 * "Performance data"). `dfeColumn` is the measure's column in the department's long-format CSV;
 * a partnership may change a target, but not what a standard measure means.
 */
export interface StandardIndicator {
  code: string
  name: string
  subject: string
  definition: string
  unit: IndicatorUnit
  polarity: Polarity
  source: string
  frequency: Frequency
  dfeColumn: string
}

const cin = 'Children in need census (Department for Education)'
const cla = 'Children looked after return, SSDA903 (Department for Education)'

export const standardIndicators: readonly StandardIndicator[] = [
  {
    code: 'REF-RATE',
    name: 'Referrals to children’s social care per 10,000 children',
    subject: 'referrals to children’s social care',
    definition:
      'Referrals received in the year per 10,000 children aged 0 to 17. A referral is a request for services about a child not already open to children’s social care.',
    unit: 'rate-per-10000',
    polarity: 'no-judgement',
    source: cin,
    frequency: 'annual',
    dfeColumn: 'referrals_rate',
  },
  {
    code: 'REREF-PC',
    name: 'Re-referrals within 12 months',
    subject: 're-referrals within 12 months',
    definition:
      'Referrals in the year that came within 12 months of a previous referral about the same child, as a percentage of all referrals.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    source: cin,
    frequency: 'annual',
    dfeColumn: 'rereferrals_percent',
  },
  {
    code: 'ASSESS-45-PC',
    name: 'Assessments completed within 45 working days',
    subject: 'assessments completed within 45 working days',
    definition:
      'Assessments completed in the year that were completed within 45 working days of the referral, as a percentage of all assessments completed.',
    unit: 'percentage',
    polarity: 'higher-is-better',
    source: cin,
    frequency: 'annual',
    dfeColumn: 'assessments_45days_percent',
  },
  {
    code: 'CIN-RATE',
    name: 'Children in need per 10,000 children',
    subject: 'children in need',
    definition: 'Children in need on 31 March per 10,000 children aged 0 to 17.',
    unit: 'rate-per-10000',
    polarity: 'no-judgement',
    source: cin,
    frequency: 'annual',
    dfeColumn: 'cin_rate',
  },
  {
    code: 'S47-RATE',
    name: 'Section 47 enquiries per 10,000 children',
    subject: 'section 47 enquiries',
    definition: 'Section 47 enquiries started in the year per 10,000 children aged 0 to 17.',
    unit: 'rate-per-10000',
    polarity: 'no-judgement',
    source: cin,
    frequency: 'annual',
    dfeColumn: 's47_rate',
  },
  {
    code: 'ICPC-RATE',
    name: 'Initial child protection conferences per 10,000 children',
    subject: 'initial child protection conferences',
    definition: 'Initial child protection conferences held in the year per 10,000 children aged 0 to 17.',
    unit: 'rate-per-10000',
    polarity: 'no-judgement',
    source: cin,
    frequency: 'annual',
    dfeColumn: 'icpc_rate',
  },
  {
    code: 'CPP-RATE',
    name: 'Child protection plans per 10,000 children',
    subject: 'children subject to child protection plans',
    definition: 'Children subject to a child protection plan on 31 March per 10,000 children aged 0 to 17.',
    unit: 'rate-per-10000',
    polarity: 'no-judgement',
    source: cin,
    frequency: 'annual',
    dfeColumn: 'cpp_rate',
  },
  {
    code: 'CPP-2YRS-PC',
    name: 'Child protection plans lasting two years or more',
    subject: 'child protection plans lasting two years or more',
    definition:
      'Plans ending in the year that had lasted two years or more, as a percentage of all plans ending in the year.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    source: cin,
    frequency: 'annual',
    dfeColumn: 'cpp_2years_percent',
  },
  {
    code: 'CPP-SECOND-PC',
    name: 'Second or subsequent child protection plans',
    subject: 'second or subsequent child protection plans',
    definition:
      'Plans starting in the year for children who had been on a plan before in this authority, as a percentage of all plans starting in the year.',
    unit: 'percentage',
    polarity: 'lower-is-better',
    source: cin,
    frequency: 'annual',
    dfeColumn: 'cpp_second_percent',
  },
  {
    code: 'CLA-RATE',
    name: 'Looked-after children per 10,000 children',
    subject: 'looked-after children',
    definition: 'Children looked after on 31 March per 10,000 children aged 0 to 17.',
    unit: 'rate-per-10000',
    polarity: 'no-judgement',
    source: cla,
    frequency: 'annual',
    dfeColumn: 'cla_rate',
  },
]
