// The session as the page sees it: every hand and result so far, and what they add up to per currency.
// Plain data, no DOM: unit-tested with Node (src/test/js/session.test.mjs).

/**
 * How each kind of event counts in the session. A new kind of result is one entry here: its currency, its net
 * (null when it has none) and whether it is a hand.
 */
const RESULTS = {
  new_hand: (m) => ({ currency: m.currency, net: m.hero_result, hand: true }),
  // A summary's amounts are euros when it says so (buy_in.currency), else play money, written without a sign.
  tournament_result: (m) => ({ currency: m.buy_in?.currency ?? (m.net != null ? 'PLAY' : null), net: m.net,
    hand: false }),
};

/** The unit an event's result is counted in (EUR, PLAY, CHIPS), or null. */
export function currencyOf(message) {
  return RESULTS[message?.type]?.(message).currency ?? null;
}

/**
 * What makes an event the same one again: a hand's id, a tournament entry (the server's own "once each" key), which
 * also hold across a server whose journal started over; anything else by its event_id.
 */
function identity(message) {
  if (message.type === 'new_hand') return `hand:${message.hand_id}`;
  if (message.type === 'tournament_result' && message.tournament_id != null) {
    return `tournament:${message.tournament_id}:${message.entry}:${message.hero}`;
  }
  return `${message.type}:${message.event_id}`;
}

/** Money in hundredths, so that sums stay exact (0.1 + 0.2 is 0.3 here). Chips may hold a half: 50 hundredths. */
export function toHundredths(amount) {
  return Math.round(Number(amount) * 100);
}

class CurrencyTotals {
  constructor(currency) {
    this.currency = currency;
    this.hands = 0;
    this.results = 0;
    this.netHundredths = 0;
    this.bigBlindsWon = 0;
    this.bigBlindHands = 0;
    this.vpip = { yes: 0, known: 0 };
    this.pfr = { yes: 0, known: 0 };
  }

  add(message, result) {
    if (result.hand) this.hands += 1;
    else this.results += 1;
    if (result.net != null) this.netHundredths += toHundredths(result.net);
    if (!result.hand) return;
    const cash = message.tournament == null;
    // bb/100 counts cash hands the hero played whose big blind is known (big_blind is null or absent otherwise).
    if (cash && result.net != null && Number(message.big_blind) > 0) {
      this.bigBlindsWon += Number(result.net) / Number(message.big_blind);
      this.bigBlindHands += 1;
    }
    count(this.vpip, message.hero_vpip);
    count(this.pfr, message.hero_pfr);
  }

  /** What the summary shows; a figure with nothing to stand on is null (the page prints "–"). */
  view() {
    return {
      currency: this.currency,
      hands: this.hands,
      results: this.results,
      net: this.netHundredths / 100,
      bbPer100: this.bigBlindHands === 0 ? null : (100 * this.bigBlindsWon) / this.bigBlindHands,
      vpip: percent(this.vpip),
      pfr: percent(this.pfr),
    };
  }
}

function count(tally, flag) {
  if (flag === true || flag === false) {
    tally.known += 1;
    if (flag) tally.yes += 1;
  }
}

function percent(tally) {
  return tally.known === 0 ? null : (100 * tally.yes) / tally.known;
}

/** The session: events in the order they happened, nothing twice, totals per currency. */
export class Session {
  constructor() {
    this.events = [];
    this.keys = new Set();
    this.totals = new Map();
    this.curve = [];
  }

  /** Adds an event; false when it is not one the session counts or it is already there. */
  add(message) {
    const describe = RESULTS[message?.type];
    if (!describe) return false;
    const key = identity(message);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    this.events.push(message);
    const result = describe(message);
    // A result in no known unit and with no net (no buy-in line, no prize) has nothing to add up: only its row.
    if (result.currency == null && result.net == null) return true;
    const currency = result.currency ?? '?';
    if (!this.totals.has(currency)) this.totals.set(currency, new CurrencyTotals(currency));
    this.totals.get(currency).add(message, result);
    if (result.net != null) this.curve.push({ currency, total: this.totals.get(currency).netHundredths / 100 });
    return true;
  }

  /** One line per currency, the most played first. */
  summary() {
    return [...this.totals.values()].map((t) => t.view())
        .sort((a, b) => b.hands + b.results - (a.hands + a.results) || a.currency.localeCompare(b.currency));
  }

  /** The last hand, or null. */
  lastHand() {
    for (let i = this.events.length - 1; i >= 0; i--) {
      if (this.events[i].type === 'new_hand') return this.events[i];
    }
    return null;
  }

  /**
   * The cumulative result after each hand or result that has one, per currency, on one x axis: [x, ...series] as
   * uPlot takes it, from x = 0 (nothing played yet). A currency's line holds its last value while others move.
   */
  chartData() {
    const currencies = this.summary().map((s) => s.currency);
    // Every line starts at 0 before the first hand, so one hand already draws a line.
    const x = [0, ...this.curve.map((_, i) => i + 1)];
    const series = currencies.map((currency) => {
      let last = 0;
      return [0, ...this.curve.map((point) => {
        if (point.currency === currency) last = point.total;
        return last;
      })];
    });
    return { currencies, data: [x, ...series] };
  }
}
