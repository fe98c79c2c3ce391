#pragma once

#include <QWidget>

#include <array>
#include <vector>

namespace isolens {
struct IsolationMode;
enum class CommandSyntax;
enum class EngineOs;
} // namespace isolens
Q_MOC_INCLUDE("isolens/core/session/isolation_modes.hpp")

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

// What the user asks for when starting a pair.
struct PairChoice {
    QString image;
    QString command;  // as typed (shell quoting, or a JSON array); empty: the image's own command
    QString workload; // run in both containers at the same moment once they are up
    std::array<int, 2> modeIndexes{0, 1};
    bool hardened = false; // both containers alike: no network, a PIDs limit, no new privileges
};

// Where a pair is set up and started: the image (local ones listed, any reference typed and
// checked), command and workload, the two modes with a preflight badge each, Start pair / Stop,
// removing leftovers of earlier sessions, and the pull's progress with its layers and Cancel.
class LauncherPanel : public QWidget {
    Q_OBJECT
public:
    explicit LauncherPanel(QWidget* parent = nullptr);

    void setImages(const QStringList& images);
    void setModes(const std::vector<isolens::IsolationMode>& modes, const QString& reason);
    const isolens::IsolationMode* mode(int index) const;
    // One badge per side: ok (green), a predicted failure (red) with the engine's words, or unknown.
    void setPreflight(int side, const QString& verdict, const QString& detail);
    // A pair is up: Stop instead of Start pair, and the fields, read-only, show the pair that runs.
    void setRunning(bool running);
    // Starting / stopping: Start pair disabled, the fields read-only, what it is doing; until setRunning.
    void setBusy(const QString& what);
    void setPullProgress(double fraction, const QString& detail);
    void hidePullProgress();
    void setLeftovers(int count);
    void setEnabledForEngine(bool engine); // no engine (or a replay): nothing to start
    // How the engine's containers take a typed command: quoting rules and the examples shown.
    void setCommandSyntax(isolens::CommandSyntax syntax);
    isolens::CommandSyntax commandSyntax() const { return syntax_; }
    // What the engine can harden (a Windows engine takes only "no network").
    void setEngineOs(isolens::EngineOs os);

    PairChoice choice() const;
    void setChoice(const PairChoice& choice);
    // Why the current input cannot start a pair ("" when it can).
    QString inputProblem() const;

signals:
    void startRequested(const PairChoice& choice);
    void stopRequested();
    void cancelPullRequested();
    void removeLeftoversRequested();
    void imageChosen(const QString& image); // settled (typed and paused, or picked): time for a preflight

private:
    void validate();

    QComboBox* image_;
    QLabel* imageProblem_;
    QLineEdit* command_;
    QLineEdit* workload_;
    QCheckBox* hardened_;
    std::array<QComboBox*, 2> modes_;
    std::array<QLabel*, 2> badges_;
    QLabel* modeReason_;
    QPushButton* start_;
    QPushButton* stop_;
    QPushButton* removeLeftovers_;
    QProgressBar* pull_;
    QLabel* pullDetail_;
    QPushButton* cancelPull_;
    QLabel* busy_;
    std::vector<isolens::IsolationMode> modeList_;
    bool running_ = false;
    bool pending_ = false; // starting or stopping
    bool engine_ = false;
    isolens::CommandSyntax syntax_;
    isolens::EngineOs os_;
};
