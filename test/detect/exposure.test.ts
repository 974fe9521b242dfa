import { describe, expect, it } from 'vitest';
import { BUILD_OUTPUT_FOLDERS } from '../../src/build-output.js';
import { clientExposure } from '../../src/detect/exposure.js';

const SERVER_LINE = 'const client = new OpenAI({ apiKey: key });';

describe('clientExposure', () => {
  describe('public env variables on the line', () => {
    it.each([
      ['.env.local', 'NEXT_PUBLIC_OPENAI_KEY=sk-…', 'NEXT_PUBLIC_', 'Next.js'],
      ['.env', 'NUXT_PUBLIC_API_KEY=…', 'NUXT_PUBLIC_', 'Nuxt'],
      ['.env', 'EXPO_PUBLIC_OPENAI_KEY=…', 'EXPO_PUBLIC_', 'Expo'],
      ['.env', 'VITE_OPENAI_API_KEY=…', 'VITE_', 'Vite'],
      ['src/api.ts', 'const key = import.meta.env.VITE_OPENAI_KEY ?? "…";', 'VITE_', 'Vite'],
      ['.env', 'REACT_APP_OPENAI_KEY=…', 'REACT_APP_', 'Create React App'],
      ['src/api.js', 'const key = process.env.REACT_APP_KEY || "…";', 'REACT_APP_', 'Create React App'],
      ['.env', 'VUE_APP_API_KEY=…', 'VUE_APP_', 'Vue CLI'],
      ['.env.production', 'GATSBY_API_KEY=…', 'GATSBY_', 'Gatsby'],
      ['.env', 'PUBLIC_OPENAI_KEY=…', 'PUBLIC_', 'SvelteKit and Astro'],
    ])('%s: %s', (path, line, prefix, framework) => {
      expect(clientExposure(path, line)).toEqual({ reason: `${prefix} variables are inlined into client code by ${framework}` });
    });

    it('names NEXT_PUBLIC_, not the PUBLIC_ inside it', () => {
      expect(clientExposure('.env', 'NEXT_PUBLIC_KEY=…')?.reason).toMatch(/^NEXT_PUBLIC_ /);
    });

    it.each([
      ['a prefix inside a longer name', 'MY_VITE_KEY=…'],
      ['a server variable', 'OPENAI_API_KEY=…'],
      ['a lowercase look-alike', 'vite_key=…'],
      ['a bare prefix', 'echo VITE_'],
    ])('not for %s', (_, line) => {
      expect(clientExposure('.env', line)).toBeNull();
    });
  });

  it.each([
    ['app/build.gradle', '        buildConfigField "String", "OPENAI_KEY", "\\"…\\""'],
    ['app/build.gradle.kts', '    buildConfigField("String", "API_KEY", "\\"…\\"")'],
    ['app/build.gradle', '        resValue "string", "maps_key", "…"'],
  ])('%s: Android build fields ship in the app', (path, line) => {
    expect(clientExposure(path, line)?.reason).toMatch(/compiled into the Android app/);
  });

  describe('paths that ship to browsers', () => {
    it.each([
      ['public/config.js', 'public/'],
      ['apps/web/public/env.json', 'public/'],
      ['public/.env', 'public/'],
      ['static/js/app.js', 'public/'],
      ['.next/static/chunks/pages/index-3f9a.js', 'public/'],
      ['.output/public/_nuxt/entry.js', 'public/'],
      ['dist/assets/index-4b2c.js', 'build output'],
      ['dist/index.html', 'build output'],
      ['build/client/assets/root.css', 'build output'],
      ['web/build/main.js.map', 'build output'],
      ['out/_next/data/app.js', 'build output'],
      ['www/build/main.js', 'build output'],
      ['storybook-static/main.iframe.bundle.js', 'build output'],
      ['.svelte-kit/output/client/_app/immutable/entry/app.js', 'build output'],
      ['.nuxt/dist/client/entry.js', 'build output'],
      ['apps/web/_site/assets/site.js', 'build output'],
      ['vendor/jquery.min.js', 'bundled scripts'],
      ['src/app.bundle.js', 'bundled scripts'],
      ['src/283.chunk.js', 'bundled scripts'],
      ['templates/checkout.html', 'HTML pages'],
      ['docs/demo.htm', 'HTML pages'],
      ['src/components/Chat.vue', 'front-end components'],
      ['src/routes/+page.svelte', 'front-end components'],
    ])('%s', (path, reason) => {
      expect(clientExposure(path, SERVER_LINE)?.reason).toContain(reason);
    });
  });

  it.each(BUILD_OUTPUT_FOLDERS)('every build-output folder the walk scans counts as shipped: %s', (folder) => {
    expect(clientExposure(`${folder}/assets/app-1a2b.js`, SERVER_LINE)).not.toBeNull();
    expect(clientExposure(`apps/web/${folder}/index.html`, SERVER_LINE)).not.toBeNull();
  });

  describe('mobile apps', () => {
    it.each([
      ['ios/App/AppDelegate.swift', 'iOS app source'],
      ['ios/App/ApiClient.m', 'iOS app source'],
      ['ios/App/Bridge.mm', 'iOS app source'],
      ['ios/App/Info.plist', 'iOS app bundle'],
      ['ios/Runner/GoogleService-Info.plist', 'iOS app bundle'],
      ['lib/services/api.dart', 'Flutter app source'],
      ['app/src/main/java/com/example/Api.java', 'Android app source'],
      ['app/src/main/kotlin/com/example/Api.kt', 'Android app source'],
      ['android/app/src/main/java/com/example/MainApplication.kt', 'Android app source'],
      ['shared/src/androidMain/kotlin/Platform.kt', 'Android app source'],
      ['src/main/kotlin/com/example/MainActivity.kt', 'Kotlin app source'],
      ['gradle.properties', 'compiled into the Android app'],
      ['app/src/main/AndroidManifest.xml', 'Android resources'],
      ['app/google-services.json', 'Android resources'],
      ['app/src/main/res/values/strings.xml', 'Android resources'],
      ['app/src/main/res/values-de/strings.xml', 'Android resources'],
    ])('%s', (path, reason) => {
      expect(clientExposure(path, SERVER_LINE)?.reason).toContain(reason);
    });
  });

  describe('server-side code does not ship', () => {
    it.each([
      'server/index.js',
      'src/api/route.ts',
      'src/app/api/chat/route.ts',
      'pages/api/chat.ts',
      'src/index.ts',
      'lib/config.py',
      '.env',
      'config/settings.yaml',
      'dist/server/index.js',
      'build/server/index.js',
      '.nuxt/dist/server/server.mjs',
      'out/extension.d.ts',
      'dist/cli.d.ts',
      'build/lib/app/config.py',
      'public/index.php',
      'src/main/java/com/example/Server.java',
      'server/src/main/kotlin/com/example/Application.kt',
      'app/build.gradle',
      'build.gradle.kts',
      'src/main/resources/application.properties',
      'docs/README.md',
    ])('%s', (path) => {
      expect(clientExposure(path, SERVER_LINE)).toBeNull();
    });
  });
});
