// runShellCommand: exit statuses and terminating signals are reported, the command really
// runs, and a signal sent to the renderer while the command runs reaches the renderer's
// own handler (std::system would have ignored it).
#include <gtest/gtest.h>

#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/ShellCommand.h"

namespace rt {
namespace {

TEST(ShellCommand, ReportsTheExitStatus) {
    const ShellResult ok = runShellCommand("true");
    EXPECT_TRUE(ok.started) << ok.error;
    EXPECT_EQ(ok.exitStatus, 0);
    EXPECT_EQ(ok.signal, 0);
    EXPECT_EQ(ok.error, "");

    const ShellResult three = runShellCommand("exit 3");
    EXPECT_TRUE(three.started) << three.error;
    EXPECT_EQ(three.exitStatus, 3);
    EXPECT_EQ(three.signal, 0);
}

TEST(ShellCommand, ReportsTheTerminatingSignal) {
    const ShellResult killed = runShellCommand("kill -TERM $$");
    EXPECT_TRUE(killed.started) << killed.error;
    EXPECT_EQ(killed.signal, SIGTERM);
    EXPECT_EQ(killed.exitStatus, -1);
}

TEST(ShellCommand, RunsTheCommandThroughTheShell) {
    const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                       ("rt_shell_command_" + std::to_string(getpid()) + ".txt");
    std::filesystem::remove(file);
    const ShellResult result = runShellCommand("printf '%s-%s' a b > '" + file.string() + "'");
    EXPECT_TRUE(result.started) << result.error;
    EXPECT_EQ(result.exitStatus, 0);
    std::ifstream in(file);
    std::string text;
    std::getline(in, text);
    EXPECT_EQ(text, "a-b");
    std::filesystem::remove(file);
}

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int) {
    g_interrupted = 1;
}

// The case std::system gets wrong: it ignores SIGINT in the caller while the command
// runs, so a farm's SIGINT would be lost.
TEST(ShellCommand, SignalToTheCallerReachesItsHandlerDuringTheCommand) {
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: the wait is interrupted and must resume
    struct sigaction previous {};
    ASSERT_EQ(sigaction(SIGINT, &action, &previous), 0);
    g_interrupted = 0;

    const ShellResult result = runShellCommand("kill -INT $PPID; sleep 0.2");

    sigaction(SIGINT, &previous, nullptr);
    EXPECT_TRUE(result.started) << result.error;
    EXPECT_EQ(result.exitStatus, 0);
    EXPECT_EQ(result.signal, 0);
    EXPECT_EQ(g_interrupted, 1);
}

// A SIGINT the caller ignores or blocks is not inherited: the command can still be
// interrupted.
TEST(ShellCommand, CommandGetsDefaultSignalHandling) {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    struct sigaction previous {};
    ASSERT_EQ(sigaction(SIGINT, &ignore, &previous), 0);
    sigset_t blocked, previousMask;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGTERM);
    ASSERT_EQ(sigprocmask(SIG_BLOCK, &blocked, &previousMask), 0);

    const ShellResult interrupted = runShellCommand("kill -INT $$; sleep 1");
    const ShellResult terminated = runShellCommand("kill -TERM $$; sleep 1");

    sigprocmask(SIG_SETMASK, &previousMask, nullptr);
    sigaction(SIGINT, &previous, nullptr);
    EXPECT_EQ(interrupted.signal, SIGINT);
    EXPECT_EQ(terminated.signal, SIGTERM);
}

}  // namespace
}  // namespace rt
