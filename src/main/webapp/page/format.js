// How numbers, cards and times read on the page. Plain functions: unit-tested with Node.

const SUITS = { s: '♠', h: '♥', d: '♦', c: '♣' };

/** Which unit a currency code reads as; EUR is the only ISO currency Winamax uses. */
const UNITS = { EUR: { suffix: ' €', digits: 2 }, PLAY: { suffix: ' play', digits: 2 }, CHIPS: { suffix: ' chips' } };

/** Signed amount with its unit: "+1.08 €", "−0.50 €", "+1,250 chips". Null reads "–". */
export function money(amount, currency, { sign = true } = {}) {
  if (amount == null || Number.isNaN(Number(amount))) return '–';
  const value = Number(amount);
  const unit = UNITS[currency] ?? { suffix: currency ? ` ${currency}` : '' };
  // Chips are whole unless half a chip really happened; then the half shows.
  const digits = unit.digits ?? (Number.isInteger(value) ? 0 : 1);
  const text = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const prefix = !sign || value === 0 ? '' : value > 0 ? '+' : '−';
  return `${prefix}${text}${unit.suffix}`;
}

/** "pos", "neg" or "zero": the class that colours a result by its sign; "none" when there is no result. */
export function signClass(amount) {
  if (amount == null) return 'none';
  return Number(amount) > 0 ? 'pos' : Number(amount) < 0 ? 'neg' : 'zero';
}

/** A number with fixed decimals, or "–" when there is nothing to show. */
export function figure(value, digits = 1, suffix = '') {
  if (value == null || !Number.isFinite(value)) return '–';
  // The same minus sign as the money amounts beside it.
  return `${value.toFixed(digits).replace(/^-/, '−')}${suffix}`;
}

/** "Qd" → {rank: "Q", suit: "d", symbol: "♦"}; an unknown card keeps its text. */
export function card(text) {
  const rank = text.slice(0, -1).replace('T', '10');
  const suit = text.slice(-1).toLowerCase();
  return SUITS[suit] ? { rank, suit, symbol: SUITS[suit] } : { rank: text, suit: '', symbol: '' };
}

/** The local time of day a hand was played (the full date goes in the cell's title). */
export function timeOfDay(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit',
    second: '2-digit', hour12: false });
}

/** 1 → "1st", 2 → "2nd", 12 → "12th", 23 → "23rd"; null reads "–". */
export function ordinal(n) {
  if (!Number.isInteger(n)) return '–';
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** What a tournament entry won, in words: "25.42 € + bounty 18.86 €", "Ticket 10€", "no prize"; "–" unknown. */
export function winningsText(winnings, currency) {
  if (!winnings) return '–';
  const parts = [];
  if (Number(winnings.cash) > 0) parts.push(money(winnings.cash, currency, { sign: false }));
  if (Number(winnings.bounties) > 0) parts.push(`bounty ${money(winnings.bounties, currency, { sign: false })}`);
  parts.push(...(winnings.tickets ?? []));
  return parts.length ? parts.join(' + ') : 'no prize';
}
