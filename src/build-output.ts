/**
 * Where a front-end build puts what it ships to browsers. These folders are usually in .gitignore,
 * yet everything in them is downloaded by every visitor, so a key inlined at build time is public.
 * The one list of them: the working-tree walk scans them although they are ignored (unless
 * --no-build-output), and src/detect/exposure.ts ranks findings in them as client-side exposure.
 *
 * Paths are relative to a project folder (the scan root, or any folder with a package.json).
 * `out/` is both Next.js's static export and a common TypeScript outDir; it is listed, since a
 * key in a server build found at critical instead of high costs less than a missed public one.
 */
export const BUILD_OUTPUT_FOLDERS: readonly string[] = [
  'dist', // Vite, Parcel, Angular, Vue CLI, Astro, webpack
  'build', // Create React App, SvelteKit adapter-static, Remix, Docusaurus
  'out', // Next.js static export
  'public', // Gatsby, Hugo
  'www', // Ionic, Capacitor, Cordova
  '_site', // Eleventy, Jekyll
  'web-build', // Expo for web
  'storybook-static',
  '.next/static',
  '.output/public', // Nuxt 3, Nitro
  '.nuxt/dist',
  '.svelte-kit/output/client',
  '.vercel/output/static',
];

/**
 * Installed dependencies: other people's code, scanned by their authors, huge, and not what a
 * finding could make the user fix. Never scanned as build output or matched by a glob's `**`.
 */
export const DEPENDENCY_FOLDERS: readonly string[] = ['node_modules', 'bower_components', 'jspm_packages', 'vendor', '.venv', 'venv', 'Pods', '.yarn'];

const DEPENDENCY_FOLDER_SET = new Set(DEPENDENCY_FOLDERS);

export function isDependencyFolder(name: string): boolean {
  return DEPENDENCY_FOLDER_SET.has(name);
}

/** The build-output folders that start with the folder named `name` (`.next` → `.next/static`), as paths from its parent. */
export function buildOutputUnder(name: string): string[] {
  return BUILD_OUTPUT_FOLDERS.filter((folder) => folder === name || folder.startsWith(`${name}/`));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a path inside any build-output folder, at any depth: `apps/web/.next/static/x.js`. */
export const BUILD_OUTPUT_PATH = new RegExp(`(?:^|/)(?:${BUILD_OUTPUT_FOLDERS.map(escapeRegExp).join('|')})/`);
