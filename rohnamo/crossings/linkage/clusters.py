"""Clustering linked pairs into persons while honouring the statisticians' decisions.

Edges are joined in descending probability (union-find); a join that would put two records a
statistician separated ("not the same person") into one cluster is refused, so a forced split
holds even when other cards chain the two together. Forced merges are joined first.
"""


class ConstrainedClusters:
    """Union-find over records ``0..count-1`` with cannot-link constraints."""

    def __init__(self, count, anchors=None):
        self.parent = list(range(count))
        self.size = [1] * count
        self.forbidden = {}  # root -> roots it may never join
        # root -> an existing person: two clusters anchored to different persons never join
        # (incremental linkage places new cards; it does not merge known persons).
        self.anchors = dict(anchors or {})
        self.refused = 0

    def find(self, node):
        parent = self.parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def forbid(self, a, b):
        """Records ``a`` and ``b`` are different persons; False when they are already joined."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        self.forbidden.setdefault(root_a, set()).add(root_b)
        self.forbidden.setdefault(root_b, set()).add(root_a)
        return True

    def union(self, a, b):
        """Join the clusters of ``a`` and ``b`` unless a decision forbids it; True when joined."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        forbidden = self.forbidden
        if forbidden and root_b in forbidden.get(root_a, ()):
            self.refused += 1
            return False
        anchors = self.anchors
        if anchors and root_a in anchors and root_b in anchors:
            self.refused += 1
            return False
        if self.size[root_a] < self.size[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.size[root_a] += self.size[root_b]
        if anchors and root_b in anchors:
            anchors[root_a] = anchors.pop(root_b)
        if forbidden and root_b in forbidden:
            moved = forbidden.pop(root_b)
            forbidden.setdefault(root_a, set()).update(moved)
            for other in moved:
                others = forbidden[other]
                others.discard(root_b)
                others.add(root_a)
        return True

    def union_all(self, lefts, rights):
        """Join each pair (lefts[i], rights[i]) in order (the caller sorts by probability)."""
        if not self.forbidden and not self.anchors:
            # The common case (no separations): the plain loop, twice as fast.
            parent, size = self.parent, self.size
            for a, b in zip(lefts, rights, strict=True):
                while parent[a] != a:
                    parent[a] = parent[parent[a]]
                    a = parent[a]
                while parent[b] != b:
                    parent[b] = parent[parent[b]]
                    b = parent[b]
                if a == b:
                    continue
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
            return
        union = self.union
        for a, b in zip(lefts, rights, strict=True):
            union(a, b)

    def roots(self):
        """The root of every record, in record order."""
        find = self.find
        return [find(node) for node in range(len(self.parent))]
