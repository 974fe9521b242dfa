/**
 * The one exception to "no host from scanned content": an Azure OpenAI key is only usable at its
 * resource's host. A host is accepted only when it is a single label under Azure's documented
 * domains, so whatever the file says, the key can only go to Microsoft.
 */
const AZURE_HOST = /\b([a-z0-9][a-z0-9-]{0,62})\.(openai\.azure\.com|cognitiveservices\.azure\.com)(?![\w.-])/gi;

/** Lines either side of the key in which an endpoint counts as "next to" it. */
const NEARBY_LINES = 15;

/** The Azure resource host nearest the key's line, or undefined. */
export function azureEndpointNear(content: string, line: number): string | undefined {
  const lines = content.split('\n');
  let best: { host: string; distance: number } | undefined;
  const from = Math.max(0, line - 1 - NEARBY_LINES);
  const to = Math.min(lines.length, line + NEARBY_LINES);
  for (let index = from; index < to; index++) {
    for (const match of lines[index]!.matchAll(AZURE_HOST)) {
      const distance = Math.abs(index + 1 - line);
      if (best === undefined || distance < best.distance) best = { host: `${match[1]}.${match[2]}`.toLowerCase(), distance };
    }
  }
  return best?.host;
}

/** True for a host under Azure's documented domains (checked again just before sending). */
export function isAzureResourceHost(host: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,62}\.(?:openai\.azure\.com|cognitiveservices\.azure\.com)$/.test(host);
}
