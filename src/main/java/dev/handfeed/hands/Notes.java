package dev.handfeed.hands;

import java.util.ArrayList;
import java.util.List;

/** Anomalies found in one hand, kept for the {@link Hand#notes()} of an otherwise good hand. */
final class Notes {

    private List<String> items;

    void add(String note) {
        if (items == null) {
            items = new ArrayList<>(4);
        }
        if (!items.contains(note)) {
            items.add(note);
        }
    }

    List<String> toList() {
        return items == null ? List.of() : List.copyOf(items);
    }
}
