package dev.handfeed.stats;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** {@code GET /health}: UP when every part works, else DOWN with one reason per failing part. */
@JsonbPropertyOrder({"status", "reasons", "checks"})
public record Health(String status, List<String> reasons, List<Check> checks) {

    /** One part of the server and whether it works. */
    public record Check(String name, boolean up, String detail) {
    }

    static Health of(List<Check> checks) {
        List<String> reasons = checks.stream().filter(c -> !c.up()).map(c -> c.name() + ": " + c.detail()).toList();
        return new Health(reasons.isEmpty() ? "UP" : "DOWN", reasons, checks);
    }

    boolean up() {
        return reasons.isEmpty();
    }
}
