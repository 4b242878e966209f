package org.dicas.demo;

/** What the seeder created, for the one log line it writes. */
final class DemoCounts {
    int organizations;
    int users;
    int workingGroups;
    int meetings;
    int agendaItems;
    int decisions;
    int actionItems;
    int threads;
    int replies;
    int documents;

    @Override
    public String toString() {
        return organizations + " organizations, " + users + " users, " + workingGroups + " working groups, "
                + meetings + " meetings, " + agendaItems + " agenda items, " + decisions + " decisions, "
                + actionItems + " action items, " + threads + " threads, " + replies + " replies, "
                + documents + " documents";
    }
}
