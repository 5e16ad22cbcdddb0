/**
 * Settings: every knob of the server, read once through MicroProfile Config (environment variable or -D property),
 * checked, and logged in one line at start-up so an operator sees what the server really runs with.
 */
package dev.handfeed.config;
