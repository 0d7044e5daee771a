import type { VoiceAgeBand, VoiceAudience, VoiceMethod } from '../voice-schema.ts'

/** Who was asked, as pages say it. */
export const audienceLabels: Record<VoiceAudience, string> = {
  practitioners: 'Practitioners',
  'children-and-young-people': 'Children and young people',
  'parents-and-carers': 'Parents and carers',
}

export const ageBandLabels: Record<VoiceAgeBand, string> = {
  'under-5': 'Under 5',
  '5-10': '5 to 10',
  '11-15': '11 to 15',
  '16-17': '16 to 17',
  '18-25': '18 to 25 (care leavers and young adults)',
}

export const methodLabels: Record<VoiceMethod, string> = {
  survey: 'Survey',
  'focus-group': 'Focus group',
  interviews: 'Interviews',
  'consultation-event': 'Consultation event',
  'feedback-forms': 'Feedback forms',
  other: 'Other',
}

/** "Children and young people (11 to 15, 16 to 17)". */
export function whoWasAsked(record: { audience: VoiceAudience; ageBands: readonly string[] }) {
  const bands = record.ageBands.map((band) => ageBandLabels[band as VoiceAgeBand] ?? band)
  return bands.length ? `${audienceLabels[record.audience]} (${bands.join(', ')})` : audienceLabels[record.audience]
}

export const items = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, text]) => ({ value, text }))
