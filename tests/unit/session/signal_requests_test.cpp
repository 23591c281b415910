// What each signal asks of the render in each phase (render/SignalRequests.h), without
// sending any signal: the table in the header, request by request.
#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include "session/SignalRequests.h"

namespace rt {
namespace {

using Action = SignalRequests::Action;

TEST(SignalRequests, DuringLoadingStopSignalsExitAndSighupIsIgnored) {
    for (const int signal : {SIGINT, SIGTERM, SIGUSR1}) {
        SignalRequests requests;
        EXPECT_EQ(requests.post(signal), Action::ExitNow) << signal;
        EXPECT_FALSE(requests.pending());
    }
    SignalRequests requests;
    EXPECT_EQ(requests.post(SIGHUP), Action::None);
    EXPECT_FALSE(requests.pending());
    requests.startRendering();
    EXPECT_FALSE(requests.pending()) << "a SIGHUP during loading is not remembered";
}

TEST(SignalRequests, SighupIsOneCheckpointTakenOnce) {
    SignalRequests requests;
    requests.startRendering();
    EXPECT_EQ(requests.post(SIGHUP), Action::Checkpoint);
    EXPECT_EQ(requests.post(SIGHUP), Action::Checkpoint);
    EXPECT_TRUE(requests.pending());
    EXPECT_EQ(requests.takeCheckpoint(), SIGHUP) << "two quick SIGHUPs make one checkpoint";
    EXPECT_EQ(requests.takeCheckpoint(), 0);
    EXPECT_FALSE(requests.pending());
    EXPECT_EQ(requests.stopSignal(), 0);
}

TEST(SignalRequests, FirstStopSignalWinsAndIsTakenOnce) {
    SignalRequests requests;
    requests.startRendering();
    EXPECT_EQ(requests.secondsSinceStop(), 0.0);
    EXPECT_EQ(requests.post(SIGUSR1), Action::Stop);
    EXPECT_TRUE(requests.pending());
    EXPECT_GE(requests.secondsSinceStop(), 0.0);
    // Farms repeat SIGTERM and SIGUSR1: the checkpoint being written is still wanted.
    EXPECT_EQ(requests.post(SIGTERM), Action::None);
    EXPECT_EQ(requests.post(SIGUSR1), Action::None);
    EXPECT_EQ(requests.takeStop(), SIGUSR1);
    EXPECT_FALSE(requests.pending()) << "taken: sampling may not pause for it again";
    EXPECT_EQ(requests.stopSignal(), SIGUSR1);
}

TEST(SignalRequests, SecondSigintExitsAtOnce) {
    for (const int first : {SIGINT, SIGTERM, SIGUSR1}) {
        SignalRequests requests;
        requests.startRendering();
        EXPECT_EQ(requests.post(first), Action::Stop);
        EXPECT_EQ(requests.post(SIGINT), Action::ExitNow) << first;
    }
}

TEST(SignalRequests, SighupWhileStoppingStillCounts) {
    SignalRequests requests;
    requests.startRendering();
    EXPECT_EQ(requests.post(SIGINT), Action::Stop);
    EXPECT_EQ(requests.post(SIGHUP), Action::Checkpoint);
    EXPECT_EQ(requests.takeStop(), SIGINT);
}

TEST(SignalRequests, StopTimeIsMeasuredFromThePost) {
    SignalRequests requests;
    requests.startRendering();
    requests.post(SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    EXPECT_GE(requests.secondsSinceStop(), 0.025);
    EXPECT_LT(requests.secondsSinceStop(), 10.0);
}

}  // namespace
}  // namespace rt
