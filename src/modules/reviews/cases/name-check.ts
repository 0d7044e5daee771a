import type { FormRequest, Rendered } from '../../../platform/form-route.ts'
import { pickerViews, type Picker } from '../../../platform/person-picker.ts'
import { namesInFields } from '../names.ts'
import { referralForm } from './form-context.ts'

/**
 * The name check on a form (names.ts): before saving free text where a pseudonym is expected, a
 * likely real name brings the form back as it was typed, with a warning (not an error) naming
 * each field and name, and a "Save anyway" box; sent again with the box ticked, it saves.
 * Templates include views/_name-warning.njk inside their form.
 */

/** The question each checked field asks, as the warning names it. */
export const checkedFieldLabels: Record<string, string> = {
  reference: 'Reference',
  circumstances: 'Circumstances',
  referrer: 'Who referred it',
  decisionRationale: 'Rationale',
  panelView: 'The national panel’s view',
  termsOfReference: 'Terms of reference',
}

export interface NameWarning {
  items: { field: string; label: string; names: string[]; namesText: string }[]
}

/**
 * The form again with the warning, or null when there is nothing to warn about (or the person
 * ticked "Save anyway").
 */
export async function nameCheck(
  request: FormRequest,
  form: {
    template: string
    context: object
    pickers?: Record<string, Picker>
    /** The questions of fields not in checkedFieldLabels (a learning summary's parts). */
    labels?: Record<string, string>
  },
  fields: Record<string, string | null | undefined>,
  confirmed: boolean,
): Promise<Rendered | null> {
  if (confirmed) return null
  const found = namesInFields(fields)
  if (!Object.keys(found).length) return null
  const values = (request.raw.body ?? {}) as Record<string, unknown>
  const nameWarning: NameWarning = {
    items: Object.entries(found).map(([field, names]) => ({
      field,
      label: form.labels?.[field] ?? checkedFieldLabels[field] ?? field,
      names,
      namesText: names.map((name) => `‘${name}’`).join(', '),
    })),
  }
  return {
    render: form.template,
    data: {
      ...form.context,
      values,
      errors: {},
      nameWarning,
      pickers: await pickerViews(form.pickers, request, values),
    },
  }
}

/** The referral's check: its reference, circumstances and who referred it. */
export function referralNameCheck(
  request: FormRequest,
  context: object,
  input: { reference: string; circumstances: string | null; referrer: string | null },
  confirmed: boolean,
) {
  return nameCheck(
    request,
    { template: referralForm, context },
    { reference: input.reference, circumstances: input.circumstances, referrer: input.referrer },
    confirmed,
  )
}
