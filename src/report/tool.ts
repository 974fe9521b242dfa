/** How keyguard names itself in machine-readable reports (JSON `tool`, SARIF `tool.driver`). */
export const TOOL_NAME = 'keyguard';

/** Where people learn about the tool; SARIF viewers link the tool name to it. */
export const TOOL_INFORMATION_URI = 'https://www.npmjs.com/package/keyguard';
