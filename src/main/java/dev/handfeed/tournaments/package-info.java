/**
 * Reads Winamax tournament summary files ({@code …_summary.txt}): how a tournament or sit-and-go ended for the
 * player (buy-in, field, finish place, winnings, net). Plain Java with no container dependency, like the hand
 * parser whose line decoding and amount reading it shares.
 */
package dev.handfeed.tournaments;
