/**
 * The add-in manifest points at the dev server (https://localhost:3000). A production build
 * rewrites every one of those URLs to the address the files are deployed at:
 * `ADDIN_URL=https://addins.example.gov.cn/ledger/ npm run build` (webpack.config.js calls
 * `manifestForUrl`). Pure, no imports, so webpack's config can load it through tsx.
 */

/** The origin every URL in manifest.xml uses during development. */
export const DEV_ORIGIN = 'https://localhost:3000';

function escapeXmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The base URL as `https://host[:port]/path/`: https only (Office refuses anything else), no query,
 * fragment or credentials, always ending in a slash so that file names can be appended.
 */
export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new Error(`ADDIN_URL “${baseUrl}” is not a URL; expected e.g. https://addins.example.gov.cn/ledger/`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_URL must use https (Office loads add-ins only over https): ${baseUrl}`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_URL must be a plain folder address without query, fragment or credentials: ${baseUrl}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Rewrites every `https://localhost:3000/…` URL in the manifest to `baseUrl…`, keeping each
 * path: `https://localhost:3000/assets/icon-32.png` → `https://addins.example.gov.cn/ledger/assets/icon-32.png`.
 * Throws when the manifest holds no dev URL (not the manifest this project ships) or when a URL of
 * another origin remains, so a half-rewritten manifest is never deployed.
 */
export function manifestForUrl(xml: string, baseUrl: string): string {
  const base = normaliseBaseUrl(baseUrl);
  const devPrefix = `${DEV_ORIGIN}/`;
  if (!xml.includes(devPrefix)) throw new Error(`manifest has no ${devPrefix} URLs to rewrite`);
  const rewritten = xml.split(devPrefix).join(escapeXmlAttribute(base));
  const stray = rewritten.match(/https?:\/\/localhost[^\s"<]*/);
  if (stray) throw new Error(`manifest still points at ${stray[0]} after rewriting to ${base}`);
  return rewritten;
}
