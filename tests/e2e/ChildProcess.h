#pragma once
// renderer_cmd as a running child process that a test can signal, as a farm's queueing
// system would: started with posix_spawn, its stdout and stderr going to a log file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace rt::test {

class ChildProcess {
  public:
    // Starts renderer_cmd with `args` (one argument per element) in `workDir`; the
    // output goes to workDir/<logName>.
    ChildProcess(const std::vector<std::string>& args, const std::filesystem::path& workDir,
                 const std::string& logName = "render.log")
        : m_log(workDir / logName) {
        std::vector<std::string> all{RT_RENDERER_CMD};
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& a : all) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addchdir_np(&actions, workDir.c_str());
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, m_log.c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        EXPECT_EQ(rc, 0) << "cannot start " << argv[0];
        if (rc != 0) m_pid = -1;
    }
    ~ChildProcess() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return m_pid; }

    std::string log() const {
        std::ifstream in(m_log);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    // Waits until `done` holds (polled every 5 ms); false after `seconds`.
    static bool waitFor(const std::function<bool()>& done, double seconds) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (!done()) {
            if (std::chrono::steady_clock::now() > end) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return true;
    }

    // Waits until the log contains `text`; false after `seconds` or when the process
    // ended first.
    bool waitForLog(const std::string& text, double seconds = 60.0) {
        return waitFor([&] { return log().find(text) != std::string::npos || exited(); },
                       seconds) &&
               log().find(text) != std::string::npos;
    }

    void signal(int sig) { ASSERT_EQ(::kill(m_pid, sig), 0); }

    // The exit code; -1 when killed by a signal or not ended within `seconds`
    // (then the process is killed).
    int wait(double seconds = 120.0) {
        if (!waitFor([&] { return exited(); }, seconds)) {
            ADD_FAILURE() << "renderer_cmd did not exit within " << seconds << " s\n" << log();
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &m_status, 0);
            m_reaped = true;
            return -1;
        }
        return WIFEXITED(m_status) ? WEXITSTATUS(m_status) : -1;
    }

  private:
    bool exited() {
        if (m_reaped) return true;
        if (::waitpid(m_pid, &m_status, WNOHANG) == m_pid) m_reaped = true;
        return m_reaped;
    }

    std::filesystem::path m_log;
    pid_t m_pid = -1;
    int m_status = 0;
    bool m_reaped = false;
};

}  // namespace rt::test
