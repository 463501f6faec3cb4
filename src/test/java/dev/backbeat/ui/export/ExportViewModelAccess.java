package dev.backbeat.ui.export;

/** Reaches package-private helpers of the export view model from tests in other packages. */
public final class ExportViewModelAccess {
    private ExportViewModelAccess() {
    }

    public static String eta(long seconds) {
        return ExportViewModel.formatEta(seconds);
    }
}
