import { buildAssets } from '../src/platform/assets/build.ts'

/** `npm run build:assets`: what the server also does on start, for CI and for building an image. */
if (await buildAssets()) console.log('Built public/application.css')
