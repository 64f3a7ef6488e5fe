// A model carried in a URL fragment, so a link or an iframe holds the whole
// diagram and the model never travels to a server (fragments are not sent).
//
// Format: `#m=` + base64url(deflate-raw(UTF-8 JSON)), or `#json=` +
// base64url(UTF-8 JSON) for hand-made links; view options ride along as
// `&overlay=gap&unit=retail&theme=dark` (and `&controls=1` to let readers
// switch the view, `&lang=fr` for an embed in French). Only the browser's own
// CompressionStream / DecompressionStream are used.

/** Decompressed models larger than this are refused (the core's own limit). */
export const MAX_MODEL_BYTES = 10 * 1024 * 1024;

/** View options a fragment may carry besides the model. */
export const VIEW_KEYS = ['overlay', 'unit', 'theme', 'controls', 'lang'];

/** Bytes → base64url without padding. */
export function base64urlEncode(bytes) {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * What is wrong with a link's model, in each language the pages speak: a
 * LinkError's message is the English, `linkReason` says it in another.
 */
const REASONS = {
  en: {
    damaged: (why) => `the model in the link is damaged: ${why}`,
    larger: (mb) => `the model in the link is larger than ${mb} MB`,
    largerUnpacked: (mb) => `the model in the link is larger than ${mb} MB once unpacked`,
    characters: 'it holds characters that base64url does not use',
    cut: 'it was cut short',
    base64: 'it is not valid base64url',
    unpack: 'it does not unpack (was the link cut short?)',
    utf8: 'it is not UTF-8 text',
  },
  fr: {
    damaged: (why) => `le modèle qu’il porte est illisible : ${why}`,
    larger: (mb) => `le modèle du lien dépasse ${mb} Mo`,
    largerUnpacked: (mb) => `le modèle du lien dépasse ${mb} Mo une fois décompressé`,
    characters: 'il contient des caractères que base64url n’emploie pas',
    cut: 'il a été coupé',
    base64: 'ce n’est pas du base64url valide',
    unpack: 'il ne se décompresse pas (le lien a-t-il été coupé ?)',
    utf8: 'ce n’est pas du texte UTF-8',
  },
};

/** @typedef {'characters' | 'cut' | 'base64' | 'unpack' | 'utf8'} Damage */

/** A link whose model cannot be read: `damage` says how, or `mb` how large it is past the limit. */
export class LinkError extends Error {
  /** @param {{ damage?: Damage, mb?: number, unpacked?: boolean }} what */
  constructor(what) {
    super(sayReason(what, 'en'));
    this.what = what;
  }
}

/** @param {{ damage?: Damage, mb?: number, unpacked?: boolean }} what @param {string} lang */
function sayReason(what, lang) {
  const words = REASONS[lang] ?? REASONS.en;
  if (what.damage) return words.damaged(words[what.damage]);
  return (what.unpacked ? words.largerUnpacked : words.larger)(what.mb);
}

/** Why a link could not be read, in `lang` (`fr` or English): for a LinkError, else the error's own message. */
export function linkReason(error, lang) {
  return error instanceof LinkError ? sayReason(error.what, lang) : String(error?.message ?? error);
}

/** base64url (padding optional) → bytes; throws an Error naming the problem. */
export function base64urlDecode(text) {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) {
    throw new LinkError({ damage: 'characters' });
  }
  const b64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length % 4 === 1) throw new LinkError({ damage: 'cut' });
  let binary;
  try {
    binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    throw new LinkError({ damage: 'base64' });
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readAll(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new LinkError({ mb: limit / (1024 * 1024), unpacked: true });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Compresses bytes with raw DEFLATE. */
export async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return readAll(stream, Infinity);
}

/** Decompresses raw DEFLATE, refusing output beyond `limit` bytes. */
export async function inflateRaw(bytes, limit = MAX_MODEL_BYTES) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  try {
    return await readAll(stream, limit);
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError({ damage: 'unpack' });
  }
}

function utf8Decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LinkError({ damage: 'utf8' });
  }
}

/**
 * The fragment (without `#`) for a model's JSON text and view options
 * `{ overlay, unit, theme }`; `compress: false` gives the readable `json=` form.
 * @param {string} json
 * @param {{ compress?: boolean, overlay?: string, unit?: string | null, theme?: string, controls?: string, lang?: string }} [options]
 * @returns {Promise<string>}
 */
export async function modelFragment(json, { compress = true, ...view } = {}) {
  const bytes = new TextEncoder().encode(json);
  const params = new URLSearchParams();
  if (compress) params.set('m', base64urlEncode(await deflateRaw(bytes)));
  else params.set('json', base64urlEncode(bytes));
  for (const key of VIEW_KEYS) {
    if (view[key] != null && view[key] !== '') params.set(key, String(view[key]));
  }
  return params.toString();
}

/**
 * Reads a fragment (with or without `#`): resolves to `{ json, overlay, unit,
 * theme, controls, lang }`, absent ones null (`json` null: no model in the
 * fragment). Rejects with an Error saying what is wrong with a damaged model.
 */
export async function readFragment(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const out = { json: null };
  for (const key of VIEW_KEYS) out[key] = params.get(key);
  if (params.has('m')) {
    out.json = utf8Decode(await inflateRaw(base64urlDecode(params.get('m'))));
  } else if (params.has('json')) {
    const bytes = base64urlDecode(params.get('json'));
    if (bytes.length > MAX_MODEL_BYTES) throw new LinkError({ mb: MAX_MODEL_BYTES / (1024 * 1024) });
    out.json = utf8Decode(bytes);
  }
  return out;
}
