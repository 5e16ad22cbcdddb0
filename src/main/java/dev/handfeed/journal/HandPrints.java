package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A 32-bit print of every hand id the embedded journal holds, so that a new hand is known to be new without asking
 * the database. A print that is not here proves the hand was never recorded; one that is (the hand itself, or
 * about one other hand in 4 billion sharing its print) sends the question on to the database. Each hand's way
 * asked H2 before: a query through its SQL engine and a statement snapshot, the largest step a lone hand took
 * before its broadcast (docs/benchmarks.md). Only the embedded journal keeps prints: it is the only writer of its
 * database, while a shared journal's other nodes record hands this one never sees.
 *
 * <p>Open addressing with linear probing, kept at most half full: 8 to 16 bytes per hand, about 8 MB for a
 * million hands. Not thread-safe; the journal's lock guards it.
 */
final class HandPrints {

    private static final int FIRST_CAPACITY = 1 << 12;

    private int[] slots = new int[FIRST_CAPACITY]; // 0 is an empty slot
    private int size;

    /** The prints of every hand in the database's {@code hands} table. */
    static HandPrints load(Connection connection) throws SQLException {
        HandPrints prints = new HandPrints();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT hand_id FROM hands")) {
            while (rs.next()) {
                prints.add(rs.getString(1));
            }
        }
        return prints;
    }

    /** False only when the hand was never {@linkplain #add added}. */
    boolean mayHold(String handId) {
        return slots[slot(slots, print(handId))] != 0;
    }

    void add(String handId) {
        if (insert(slots, print(handId))) {
            size++;
            if (size * 2 > slots.length) {
                grow();
            }
        }
    }

    /** How many distinct prints are held. */
    int size() {
        return size;
    }

    private void grow() {
        int[] larger = new int[slots.length * 2];
        for (int print : slots) {
            if (print != 0) {
                insert(larger, print);
            }
        }
        slots = larger;
    }

    private static boolean insert(int[] table, int print) {
        int i = slot(table, print);
        if (table[i] == print) {
            return false;
        }
        table[i] = print;
        return true;
    }

    /** Where the print is, or the empty slot where it goes: linear probing from its spread. */
    private static int slot(int[] table, int print) {
        int mask = table.length - 1;
        int i = spread(print) & mask;
        while (table[i] != print && table[i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** String's own hash (cached in the string), never 0: 0 marks an empty slot. */
    private static int print(String handId) {
        int h = handId.hashCode();
        return h == 0 ? 1 : h;
    }

    /** Ids that differ in their last digits have nearby hashes; the slot comes from all of the print's bits. */
    private static int spread(int print) {
        int h = print * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
