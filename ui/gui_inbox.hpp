#pragma once

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

#include <utility>

// Hands work from the core's threads (engine requests, collectors, the host sampler) to the GUI thread,
// for as long as its receiver lives. Work that arrives after the receiver has gone is dropped: a request
// that outlives its window (it waited on a hung engine) never calls into the window.
// Made on the GUI thread; copies may be taken and posted to from any thread.
class GuiInbox {
public:
    explicit GuiInbox(QObject* receiver)
        : receiver_(receiver)
    {}

    template <typename Fn>
    void post(Fn&& fn) const
    {
        auto* app = QCoreApplication::instance();
        if (!app)
            return;
        QMetaObject::invokeMethod(
            app,
            [receiver = receiver_, fn = std::forward<Fn>(fn)]() mutable {
                if (receiver) // checked on the GUI thread, where the receiver is destroyed
                    fn();
            },
            Qt::QueuedConnection);
    }

private:
    QPointer<QObject> receiver_;
};
