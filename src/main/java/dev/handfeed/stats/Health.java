package dev.handfeed.stats;

import dev.handfeed.cluster.NodeView;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.List;

/** {@code GET /health}: UP when every part works, else DOWN with one reason per failing part. */
@JsonbPropertyOrder({"status", "reasons", "checks", "node"})
public record Health(String status, List<String> reasons, List<Check> checks, NodeView node) {

    /** One part of the server and whether it works. */
    public record Check(String name, boolean up, String detail) {
    }

    static Health of(List<Check> checks) {
        List<String> reasons = checks.stream().filter(c -> !c.up()).map(c -> c.name() + ": " + c.detail()).toList();
        return new Health(reasons.isEmpty() ? "UP" : "DOWN", reasons, checks, null);
    }

    /** With this node's id, role and lag (an addition: docs/cluster.md). */
    Health with(NodeView view) {
        return new Health(status, reasons, checks, view);
    }

    boolean up() {
        return reasons.isEmpty();
    }
}
