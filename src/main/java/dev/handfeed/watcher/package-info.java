/**
 * The history watcher: finds the Winamax history folders, follows every file as Winamax appends to it, and turns
 * appended bytes into complete hands, each delivered once, recorded in the journal before it is broadcast.
 */
package dev.handfeed.watcher;
