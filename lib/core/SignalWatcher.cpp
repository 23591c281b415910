#include "core/SignalWatcher.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <string>

namespace rt {
namespace {

// The self-pipe: [0] read by the watcher, [1] written by the handlers. -1 when no
// watcher exists. A byte 0 (no signal has number 0) tells the watcher to quit.
std::atomic<int> g_readEnd{-1};
std::atomic<int> g_writeEnd{-1};

extern "C" void onSignalHandler(int signal) {
    const int savedErrno = errno;
    const int fd = g_writeEnd.load(std::memory_order_relaxed);
    if (fd >= 0) {
        const unsigned char byte = static_cast<unsigned char>(signal);
        // A full pipe (hundreds of unread signals) drops this one: the flags it would
        // set are already set.
        [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

void setHandler(int signal, void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = handler == SIG_DFL ? 0 : SA_RESTART;
    if (::sigaction(signal, &action, nullptr) != 0) {
        throw std::runtime_error(std::string("cannot install a handler for ") + signalName(signal) +
                                 ": " + std::strerror(errno));
    }
}

}  // namespace

const int SignalWatcher::kSignals[4] = {SIGINT, SIGHUP, SIGUSR1, SIGTERM};

const char* signalName(int signal) {
    switch (signal) {
        case SIGINT:
            return "SIGINT";
        case SIGHUP:
            return "SIGHUP";
        case SIGUSR1:
            return "SIGUSR1";
        case SIGTERM:
            return "SIGTERM";
        default:
            return "signal";
    }
}

SignalWatcher::SignalWatcher(Handler onSignal) : m_onSignal(std::move(onSignal)) {
    int fds[2];
    if (g_writeEnd.load() >= 0) throw std::runtime_error("a signal watcher already exists");
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("cannot create the signal pipe: ") +
                                 std::strerror(errno));
    }
    // Non-blocking writes: a handler must never block.
    ::fcntl(fds[1], F_SETFL, ::fcntl(fds[1], F_GETFL) | O_NONBLOCK);
    g_readEnd = fds[0];
    g_writeEnd = fds[1];
    m_thread = std::thread([this] { run(); });
    for (int signal : kSignals) setHandler(signal, onSignalHandler);
}

SignalWatcher::~SignalWatcher() {
    for (int signal : kSignals) {
        try {
            setHandler(signal, SIG_DFL);
        } catch (...) {
        }
    }
    const unsigned char quit = 0;
    while (::write(g_writeEnd.load(), &quit, 1) < 0 && errno == EINTR) {
    }
    if (m_thread.joinable()) m_thread.join();
    ::close(g_writeEnd.exchange(-1));
    ::close(g_readEnd.exchange(-1));
}

void SignalWatcher::run() {
    const int fd = g_readEnd.load();
    for (;;) {
        unsigned char byte = 0;
        const ssize_t n = ::read(fd, &byte, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0 || byte == 0) return;
        m_onSignal(byte);
    }
}

}  // namespace rt
