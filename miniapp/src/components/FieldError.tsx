import type { FieldErrors } from '../api/client'
import { Notice } from './Notice'

interface Props {
  errors: FieldErrors
  /** The field as the API names it (`phone`, `measurements.pulse`). */
  field: string
  /** Test ids are `<testId>-<field>`. */
  testId: string
}

/** A problem the server (or the form) found with one field, right under that field. */
export function FieldError({ errors, field, testId }: Props) {
  const message = errors[field]
  return message ? <Notice kind='error' message={message} testId={`${testId}-${field}`} /> : null
}
