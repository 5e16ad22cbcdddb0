/**
 * Several nodes on one PostgreSQL journal (docs/cluster.md): each node's follower delivers every event of the
 * shared journal to its own clients, woken by LISTEN/NOTIFY and reading by event id; one node at a time tails a
 * folder, under a session advisory lock; and each node says who it is, what it does and how far behind it is.
 */
package dev.handfeed.cluster;
