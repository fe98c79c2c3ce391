#pragma once

#include <QDialog>
#include <QPointer>

#include <memory>

class BatchProgressView;
class BatchQueue;
class DashboardController;
class LauncherPanel;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;
struct BatchPlan;

// Session → Compare several images…: a list of images, each run as the launcher's pair (its command,
// workload, modes and hardening) repeats times for a set duration, one after another through the
// dashboard's controller, so the charts behind show the pair that runs. A progress bar per run, a status
// per image, Cancel (stops and removes the running pair, cancels the rest) and, at the end, the table of
// figures read back from the runs' recordings. Not modal: the dashboard stays usable behind it, and
// closing it hides it while the batch goes on.
class BatchDialog : public QDialog {
    Q_OBJECT
public:
    BatchDialog(DashboardController* controller, LauncherPanel* launcher, QWidget* parent = nullptr);
    ~BatchDialog() override;

    // Takes the launcher's command, workload, modes and hardening (unless a batch runs) and shows itself.
    void showPrefilled();
    void setImages(const QStringList& images);
    void setRepeats(int repeats);
    void setRunSeconds(int seconds);
    // Why Start is disabled ("" when it is not).
    QString startProblem() const;
    BatchQueue* queue() const { return queue_; }
    // The report of the batch that ended (every run's charts from its recording): "" or what went wrong.
    QString exportReport(const QString& path) const;
    QTableWidget* results() const { return results_; }

private:
    void prefill();
    void startBatch();
    void updateState();
    void showFinished();
    QStringList images() const;

    QPointer<DashboardController> controller_;
    QPointer<LauncherPanel> launcher_;
    std::unique_ptr<BatchPlan> pair_; // what every run starts but its image, from the launcher
    bool hasModes_ = false;
    BatchQueue* queue_;
    QPlainTextEdit* images_;
    QLineEdit* command_;
    QLineEdit* workload_;
    QLabel* modes_;
    QSpinBox* repeats_;
    QSpinBox* seconds_;
    QLabel* problem_;
    BatchProgressView* progress_;
    QTableWidget* results_;
    QLabel* summary_;
    QPushButton* start_;
    QPushButton* cancel_;
    QPushButton* exportReport_;
    QTimer* tick_;
};
