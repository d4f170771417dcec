// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// How the page writes things: escaping, amounts, addresses, a member's evidence, durations.
// Pure functions, shared by the page's sections.

/// `s` escaped for HTML text and attribute values.
export const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

/// Bytes (a codec or a Uint8Array) as UTF-8 text.
export const text = (bytes) => { try { return new TextDecoder().decode(bytes.toU8a ? bytes.toU8a(true) : bytes); } catch { return String(bytes); } };

/// A `0x…` hex string as UTF-8 text.
export const hexText = (hex) => {
  try { return new TextDecoder().decode(Uint8Array.from(hex.slice(2).match(/../g) ?? [], (b) => parseInt(b, 16))); } catch { return hex; }
};

/// `1,234.56` from a balance with `decimals` (12 for PHA, 6 for USDT); an amount under a cent
/// shows up to 6 decimals (`0.0099`), so that it never reads as nothing.
export const amount = (value, decimals = 12) => {
  const v = BigInt(value.toString());
  const unit = 10n ** BigInt(decimals);
  const whole = v / unit;
  const cents = (v % unit) / (unit / 100n);
  if (v > 0n && whole === 0n && cents === 0n) {
    const shown = (v % unit).toString().padStart(decimals, '0').slice(0, 6).replace(/0+$/, '');
    return `0.${shown || '000000'}`;
  }
  return `${whole.toLocaleString('en-US')}.${cents.toString().padStart(2, '0')}`;
};

/// A balance with `decimals` written in full, without separators (`1234.5`, `0.000001`): for
/// exports, where nothing may be rounded away.
export const exact = (value, decimals = 12) => {
  const v = BigInt(value.toString());
  const unit = 10n ** BigInt(decimals);
  const fraction = (v % unit).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${v / unit}.${fraction}` : `${v / unit}`;
};

/// `1,234.5` in a unit of `decimals` as the chain's integer (`1234500000` for 6 decimals), or
/// `null` if it is not a non-negative decimal number with at most `decimals` places.
export const parseAmount = (input, decimals = 12) => {
  const s = String(input).trim().replace(/,/g, '');
  const m = s.match(/^(\d+)(?:\.(\d*))?$/);
  if (!m || (m[2] ?? '').length > decimals) return null;
  return BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt((m[2] ?? '').padEnd(decimals, '0') || '0');
};

/// `5Grwva…utQY`.
export const short = (who) => { const s = who.toString(); return `${s.slice(0, 6)}…${s.slice(-4)}`; };

/// Evidence as the page shows it: text, and a link only for an `https:` URL (a member's
/// evidence is untrusted input: `javascript:` and other schemes stay text).
export function evidenceHtml(value) {
  let url = null;
  try { url = new URL(value); } catch { url = null; }
  if (url && url.protocol === 'https:') {
    return `<a href="${esc(url.href)}" rel="noreferrer noopener" target="_blank">${esc(value)}</a>`;
  }
  return `<span class="evidence-text">${esc(value)}</span>`;
}

export const SECONDS_PER_BLOCK = 6;
export const BLOCKS_PER_DAY = (24 * 3600) / SECONDS_PER_BLOCK;
/// `12.5 days` from a number of blocks.
export const days = (blocks) => `${(blocks / BLOCKS_PER_DAY).toFixed(1)} days`;
