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

/** base64url (padding optional) → bytes; throws an Error naming the problem. */
export function base64urlDecode(text) {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) {
    throw new Error('the model in the link is damaged: it holds characters that base64url does not use');
  }
  const b64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length % 4 === 1) throw new Error('the model in the link is damaged: it was cut short');
  let binary;
  try {
    binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    throw new Error('the model in the link is damaged: it is not valid base64url');
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
      throw new Error(`the model in the link is larger than ${limit / (1024 * 1024)} MB once unpacked`);
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
    if (e instanceof Error && e.message.startsWith('the model in the link')) throw e;
    throw new Error('the model in the link is damaged: it does not unpack (was the link cut short?)');
  }
}

function utf8Decode(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('the model in the link is damaged: it is not UTF-8 text');
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
    if (bytes.length > MAX_MODEL_BYTES) throw new Error('the model in the link is larger than 10 MB');
    out.json = utf8Decode(bytes);
  }
  return out;
}
