import fastifyMultipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'

/**
 * File uploads, for the few routes that take one. Multipart bodies are parsed only inside
 * `uploadRoutes`'s scope: every other route still refuses them (415), as it refuses JSON.
 *
 * The whole body is read before the route's CSRF check (platform/http.ts, preHandler), with its
 * fields on `request.body`, so the form's hidden `_csrf` field is checked as on any other form,
 * wherever it comes in the body and without JavaScript. The permission check runs before the
 * body is read (the platform's preValidation hook comes first), so nobody signed out can make
 * the server read a file. A file over the limit is cut off and marked `tooLarge`, for the form
 * to say so, rather than failing the request.
 */
export interface UploadedFilePart {
  fileName: string
  content: Buffer
  tooLarge: boolean
}

export function isUploadedFile(value: unknown): value is UploadedFilePart {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFilePart).content)
}

export async function uploadRoutes(
  app: FastifyInstance,
  register: (scope: FastifyInstance) => void | Promise<void>,
  options: { maxBytes?: number } = {},
) {
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      // Fields: the CSRF token and an import's options, one per box ticked (the measures to take).
      limits: {
        fileSize: options.maxBytes ?? app.config.uploadMaxBytes,
        files: 1,
        fields: 200,
        parts: 201,
        fieldSize: 10_000,
      },
      async onFile(part: MultipartFile & { value?: unknown }) {
        const content = await part.toBuffer()
        const file: UploadedFilePart = { fileName: part.filename, content, tooLarge: part.file.truncated }
        part.value = file
      },
    })
    await register(scope)
  })
}
