package org.homeward.identification.kinship.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A family tree for a likelihood: members with both parents in the tree or none (founders). Trees with loops
 * (a child of cousins, two brothers married to two sisters) are refused: the engine peels loop-free
 * pedigrees exactly and does not break loops. Sex matters only for who may be a father or a mother, and
 * for which remains may be a missing person.
 */
public final class Pedigree {

    public static final int MAX_MEMBERS = 30;

    public enum Sex { MALE, FEMALE, UNKNOWN }

    public record Member(String id, String father, String mother, Sex sex) {
        public Member {
            Objects.requireNonNull(id);
            sex = sex == null ? Sex.UNKNOWN : sex;
        }

        public boolean founder() {
            return father == null;
        }
    }

    /** A pedigree that cannot be evaluated: the message says which member and why. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A nuclear family: two parents and their children in this tree. */
    record Family(int father, int mother, List<Integer> children) {
    }

    private final List<Member> members;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] father;
    private final int[] mother;
    private final List<Family> families = new ArrayList<>();
    /** For each member, the families he is a parent or a child in. */
    private final List<List<Integer>> familiesOf = new ArrayList<>();

    public Pedigree(List<Member> members) {
        if (members == null || members.isEmpty()) {
            throw new Refused("A pedigree needs at least one member");
        }
        if (members.size() > MAX_MEMBERS) {
            throw new Refused("A pedigree has at most " + MAX_MEMBERS + " members, this one has " + members.size());
        }
        this.members = List.copyOf(members);
        for (Member member : members) {
            if (member.id().isBlank() || index.put(member.id(), index.size()) != null) {
                throw new Refused("Member ids are unique and not blank: '" + member.id() + "'");
            }
        }
        int n = members.size();
        father = new int[n];
        mother = new int[n];
        Map<String, Integer> familyByParents = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            familiesOf.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Member member = members.get(i);
            if ((member.father() == null) != (member.mother() == null)) {
                throw new Refused(member.id() + " has one parent in the pedigree; give both or neither");
            }
            if (member.founder()) {
                father[i] = -1;
                mother[i] = -1;
                continue;
            }
            father[i] = parent(member, member.father(), Sex.FEMALE, "father");
            mother[i] = parent(member, member.mother(), Sex.MALE, "mother");
            if (father[i] == mother[i] || father[i] == i || mother[i] == i) {
                throw new Refused(member.id() + " cannot be his own parent, nor have one person as both parents");
            }
            Integer family = familyByParents.get(father[i] + ":" + mother[i]);
            if (family == null) {
                family = families.size();
                familyByParents.put(father[i] + ":" + mother[i], family);
                families.add(new Family(father[i], mother[i], new ArrayList<>()));
            }
            families.get(family).children().add(i);
        }
        for (int f = 0; f < families.size(); f++) {
            Family family = families.get(f);
            familiesOf.get(family.father()).add(f);
            familiesOf.get(family.mother()).add(f);
            for (int child : family.children()) {
                familiesOf.get(child).add(f);
            }
        }
        refuseLoops();
    }

    private int parent(Member child, String parentId, Sex impossible, String role) {
        Integer parent = index.get(parentId);
        if (parent == null) {
            throw new Refused(child.id() + "'s " + role + " '" + parentId + "' is not a member of the pedigree");
        }
        if (members.get(parent).sex() == impossible) {
            throw new Refused(parentId + " cannot be " + child.id() + "'s " + role + " (sex " + impossible + ")");
        }
        return parent;
    }

    /**
     * Members and nuclear families form a graph (a member joins the families he is a parent or a child in);
     * the pedigree is loop-free exactly when that graph is a forest. Also catches anyone his own ancestor.
     */
    private void refuseLoops() {
        int n = members.size();
        int[] root = new int[n + families.size()];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        for (int f = 0; f < families.size(); f++) {
            Family family = families.get(f);
            List<Integer> joined = new ArrayList<>(family.children());
            joined.add(0, family.mother());
            joined.add(0, family.father());
            for (int member : joined) {
                int a = find(root, member);
                int b = find(root, n + f);
                if (a == b) {
                    throw new Refused("The pedigree has a loop through " + members.get(member).id()
                            + " (inbreeding or a double relationship); loops are not supported");
                }
                root[a] = b;
            }
        }
    }

    private static int find(int[] root, int x) {
        while (root[x] != x) {
            root[x] = root[root[x]];
            x = root[x];
        }
        return x;
    }

    public List<Member> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public boolean has(String id) {
        return index.containsKey(id);
    }

    public int indexOf(String id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new Refused("'" + id + "' is not a member of the pedigree");
        }
        return i;
    }

    public Member member(String id) {
        return members.get(indexOf(id));
    }

    /** The same pedigree with some members renamed (a placeholder given the donor's id). */
    public Pedigree relabelled(Map<String, String> names) {
        return new Pedigree(members.stream().map(m -> new Member(names.getOrDefault(m.id(), m.id()),
                m.father() == null ? null : names.getOrDefault(m.father(), m.father()),
                m.mother() == null ? null : names.getOrDefault(m.mother(), m.mother()), m.sex())).toList());
    }

    boolean isFounder(int member) {
        return father[member] < 0;
    }

    List<Family> families() {
        return families;
    }

    List<Integer> familiesOf(int member) {
        return familiesOf.get(member);
    }
}
