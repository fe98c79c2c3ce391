#pragma once

#include <QWidget>

namespace isolens {
struct EngineFacts;
struct Error;
} // namespace isolens

class QLabel;
class QPushButton;
class QStackedWidget;

// The engine's state for people: its facts when connected, and when not, a banner saying what was
// tried, what went wrong and what to do, with Retry.
class EngineStatusView : public QWidget {
    Q_OBJECT
public:
    explicit EngineStatusView(QWidget* parent = nullptr);

    void showProbing(const QString& endpoint);
    void showFacts(const QString& endpoint, const isolens::EngineFacts& facts, const QStringList& warnings);
    void showFailure(const QString& endpoint, const isolens::Error& error);

    bool isShowingBanner() const;
    QString bannerText() const;
    QString factsText() const;

signals:
    void retryRequested();
    void openRecordingRequested();
    void openSampleRequested();

private:
    QStackedWidget* pages_;
    QLabel* banner_;
    QLabel* facts_;
    QPushButton* retry_;
};
