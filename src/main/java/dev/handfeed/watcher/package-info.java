/**
 * The history watcher: finds the Winamax history folders, follows every file as Winamax appends to it, and turns
 * appended bytes into complete hands, and tournament summary files into tournament results, each delivered once,
 * recorded in the journal before it is broadcast.
 */
package dev.handfeed.watcher;
