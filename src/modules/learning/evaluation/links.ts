/** The signed links evaluation sends, how long each lasts, and their addresses. */

/** The evaluation form's link: long enough for someone back from leave. */
export const evaluationLinkWeeks = 8
/** The follow-up impact question's link. */
export const impactLinkWeeks = 8
/** The certificate's link: people keep certificates for their CPD record and revalidation. */
export const certificateLinkWeeks = 104

export const purposes = {
  evaluation: 'evaluation',
  impact: 'evaluation-impact',
  certificate: 'certificate',
} as const

export function weeksFrom(start: Date, weeks: number) {
  return new Date(start.getTime() + weeks * 7 * 86_400_000)
}

/** Paths on the public site; with the service's address for emails. */
export const paths = {
  evaluation: (token: string) => `/training/evaluation/${token}`,
  impact: (token: string) => `/training/evaluation/impact/${token}`,
  certificate: (token: string) => `/training/certificates/${token}`,
}

export function links(baseUrl: string) {
  return {
    evaluation: (token: string) => baseUrl + paths.evaluation(token),
    impact: (token: string) => baseUrl + paths.impact(token),
    certificate: (token: string) => baseUrl + paths.certificate(token),
  }
}
