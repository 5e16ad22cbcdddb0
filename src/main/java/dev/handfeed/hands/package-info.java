/**
 * Reads Winamax hand-history text, cut anywhere and in any of its encodings, into complete parsed hands.
 * Plain Java with no container dependency: the watcher, unit tests and JMH all drive it the same way.
 */
package dev.handfeed.hands;
