import { BUILD_OUTPUT_PATH } from '../build-output.js';
import type { ClientExposure } from '../finding/finding.js';

/**
 * Whether a secret sits where it ships to end users, who can read anything sent to their browser
 * or installed on their phone. Decided from the line (a public env variable, an Android build
 * field) and from the path (served folders, front-end bundles, pages, mobile sources and
 * resources). Heuristic by nature: it raises severity and explains why; it never drops a finding.
 */

/** Env variable prefixes that frameworks inline into client code at build time. */
const PUBLIC_ENV_PREFIXES: ReadonlyArray<{ prefix: string; framework: string }> = [
  { prefix: 'NEXT_PUBLIC_', framework: 'Next.js' },
  { prefix: 'NUXT_PUBLIC_', framework: 'Nuxt' },
  { prefix: 'EXPO_PUBLIC_', framework: 'Expo' },
  { prefix: 'VITE_', framework: 'Vite' },
  { prefix: 'REACT_APP_', framework: 'Create React App' },
  { prefix: 'VUE_APP_', framework: 'Vue CLI' },
  { prefix: 'GATSBY_', framework: 'Gatsby' },
  { prefix: 'PUBLIC_', framework: 'SvelteKit and Astro' },
];

interface ExposureRule {
  pattern: RegExp;
  /** Paths the pattern matches that still do not ship, e.g. a build's server half. */
  except?: RegExp;
  reason: string;
}

const LINE_RULES: readonly ExposureRule[] = [
  ...PUBLIC_ENV_PREFIXES.map(({ prefix, framework }) => ({
    // The lookbehind keeps PUBLIC_ from matching inside NEXT_PUBLIC_.
    pattern: new RegExp(`(?<![A-Za-z0-9_])${prefix}[A-Z0-9_]`),
    reason: `${prefix} variables are inlined into client code by ${framework}`,
  })),
  {
    pattern: /\b(?:buildConfigField|resValue)\b/,
    reason: 'buildConfigField and resValue values are compiled into the Android app, where anyone can extract them',
  },
];

/**
 * Kotlin counts as mobile unless it sits in a server folder: most Kotlin with an API key in it is
 * an Android app. Java only counts inside an Android module, since most Java is server code.
 * `gradle.properties` counts because Android builds copy its values into BuildConfig.
 * Deliberately absent: `.jsx`/`.tsx` (server components and API routes share them). Build-output
 * folders come from src/build-output.ts, the list the working-tree walk also scans when ignored.
 */
const PATH_RULES: readonly ExposureRule[] = [
  {
    pattern: /(?:^|\/)(?:public|static)\//i,
    except: /\.(?:php|aspx?|jsp|cgi|pl)$/i,
    reason: 'files under public/ and static/ are served to browsers as they are',
  },
  {
    pattern: new RegExp(`${BUILD_OUTPUT_PATH.source}(?:.*/)?[^/]*\\.(?:m?js|css|html?|map)$`, 'i'),
    except: /(?:^|\/)server\//i,
    reason: 'front-end build output is downloaded by every visitor',
  },
  { pattern: /\.(?:min|bundle|chunk)\.m?js$/i, reason: 'bundled scripts are downloaded by every visitor' },
  { pattern: /\.html?$/i, reason: 'HTML pages are sent to the browser as they are' },
  { pattern: /\.(?:vue|svelte)$/i, reason: 'front-end components are compiled into the browser bundle' },
  // `.m` is MATLAB too, but Objective-C is where committed API keys are found.
  { pattern: /\.(?:swift|m|mm)$/, reason: 'iOS app source: anything in the app binary can be extracted' },
  { pattern: /\.plist$/i, reason: 'property lists ship inside the iOS app bundle, where anyone can read them' },
  { pattern: /\.dart$/i, reason: 'Flutter app source: anything in the app binary can be extracted' },
  {
    pattern: /(?:^|\/)(?:android|androidMain|app\/src)\/.*\.(?:kt|java)$/,
    reason: 'Android app source: anything in the APK can be extracted',
  },
  {
    pattern: /\.kt$/,
    except: /(?:^|\/)(?:server|backend|api)\//,
    reason: 'Kotlin app source: anything in the app binary can be extracted',
  },
  {
    pattern: /(?:^|\/)gradle\.properties$/,
    reason: 'gradle.properties values are compiled into the Android app through BuildConfig',
  },
  {
    pattern: /(?:^|\/)(?:AndroidManifest\.xml|google-services\.json)$|(?:^|\/)res\/values[^/]*\/[^/]+\.xml$/,
    reason: 'Android resources ship inside the APK, where anyone can read them',
  },
];

export function clientExposure(path: string, line: string): ClientExposure | null {
  const reason = firstReason(LINE_RULES, line) ?? firstReason(PATH_RULES, path);
  return reason === undefined ? null : { reason };
}

function firstReason(rules: readonly ExposureRule[], text: string): string | undefined {
  return rules.find(({ pattern, except }) => pattern.test(text) && !except?.test(text))?.reason;
}
