/** A browser's multipart form: fields, then the file, as an upload form posts them. */
export function multipart(
  fields: Record<string, string | string[]>,
  file?: { name: string; content: Buffer; type?: string },
) {
  const boundary = '----hub-test-boundary'
  const parts: Buffer[] = []
  // A field given as a list is posted once per value, as ticked checkboxes are.
  for (const [name, values] of Object.entries(fields))
    for (const value of [values].flat())
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    )
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) }
}
