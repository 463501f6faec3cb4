package dev.backbeat.ui;

import dev.backbeat.service.Backend;
import dev.backbeat.service.JobQueue;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/**
 * The session's line of work as the toolbar shows it ("Export: exporting · 1 waiting"), following
 * the back end in use; each job can be withdrawn or cancelled from here.
 */
public final class JobsViewModel {
    private final TaskRunner runner;
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");
    private final ObservableList<JobQueue.JobView> jobs = FXCollections.observableArrayList();
    private final ObservableList<JobQueue.JobView> jobsView = FXCollections.unmodifiableObservableList(jobs);
    private JobQueue watched;
    private final Consumer<List<JobQueue.JobView>> listener;

    public JobsViewModel(ProjectModel project, TaskRunner runner) {
        this.runner = runner;
        this.listener = now -> runner.onUi(() -> show(now));
        follow(project.backend());
        project.backendProperty().addListener((o, old, now) -> follow(now));
    }

    private void follow(Backend backend) {
        if (watched != null) {
            watched.removeListener(listener);
        }
        watched = backend == null ? null : backend.jobs().orElse(null);
        if (watched != null) {
            watched.addListener(listener);
        }
        show(watched == null ? List.of() : watched.jobs());
    }

    private void show(List<JobQueue.JobView> now) {
        jobs.setAll(now);
        line.set(describe(now));
    }

    /** "Export: exporting · 1 waiting", or empty when nothing runs. */
    static String describe(List<JobQueue.JobView> now) {
        if (now.isEmpty()) {
            return "";
        }
        JobQueue.JobView first = now.get(0);
        String text = first.state() == JobQueue.State.RUNNING ? first.label() + ": " + first.doing() : first.label() + ": queued";
        int waiting = (int) now.stream().filter(j -> j.state() == JobQueue.State.QUEUED).count()
                - (first.state() == JobQueue.State.QUEUED ? 1 : 0);
        return waiting > 0 ? text + " · " + waiting + " waiting" : text;
    }

    public ReadOnlyStringProperty lineProperty() {
        return line.getReadOnlyProperty();
    }

    /** The jobs waiting or running, first first. */
    public ObservableList<JobQueue.JobView> jobs() {
        return jobsView;
    }

    /** Withdraws a waiting job, or cancels the running one. */
    public boolean cancel(long id) {
        return watched != null && watched.cancel(id);
    }
}
