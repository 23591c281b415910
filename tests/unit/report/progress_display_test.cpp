// ProgressDisplay with an injected clock and a temporary file as the stream: refresh()
// is called directly (the thread's period is huge), so nothing depends on timing.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>

#include "report/ProgressDisplay.h"

namespace rt {
namespace {

class Output {
  public:
    Output() : m_file(std::tmpfile()) {}
    ~Output() { std::fclose(m_file); }
    std::FILE* stream() const { return m_file; }
    std::string text() const {
        std::fflush(m_file);
        std::rewind(m_file);
        std::string s;
        for (int c; (c = std::fgetc(m_file)) != EOF;) s += static_cast<char>(c);
        return s;
    }

  private:
    std::FILE* m_file;
};

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

struct Fixture {
    Output out;
    double now = 100.0;  // an arbitrary epoch: elapsed time counts from start()
    std::atomic<uint64_t> samples{0};

    std::unique_ptr<ProgressDisplay> display(bool terminal) {
        ProgressDisplayOptions options;
        options.terminal = terminal;
        options.stream = out.stream();
        options.refreshSeconds = 1e6;  // the thread never ticks on its own
        options.plainLineSeconds = 60.0;
        options.clock = [this] { return now; };
        return std::make_unique<ProgressDisplay>([this] { return samples.load(); }, options);
    }
};

ConvergenceReport report(uint64_t done, uint64_t remaining, double elapsed, bool finished) {
    ConvergenceReport r;
    r.adaptive = false;
    r.finished = finished;
    r.elapsedSeconds = elapsed;
    r.samplesDone = done;
    r.samplesRemaining = remaining;
    r.pixelCount = 100;
    return r;
}

TEST(ProgressDisplay, PlainLinesPerPercentAndFinalLine) {
    Fixture f;
    auto display = f.display(false);
    display->start();
    display->refresh();  // no progress yet, no interval passed
    EXPECT_EQ(f.out.text(), "");

    f.now += 10.0;
    f.samples = 1000;
    display->onPass(report(1000, 1000, 10.0, false));
    display->refresh();
    EXPECT_EQ(f.out.text(), "progress  50.0%  spp 10.0  elapsed 10s  eta 10s\n");
    display->refresh();  // same percent, interval not reached: nothing new
    EXPECT_EQ(count(f.out.text(), "\n"), 1u);

    f.now += 60.0;  // the interval alone brings a line
    display->refresh();
    EXPECT_EQ(count(f.out.text(), "\n"), 2u);

    f.samples = 2000;
    f.now += 1.0;
    display->onPass(report(2000, 0, 71.0, true));
    display->stop();
    const std::string text = f.out.text();
    EXPECT_EQ(text.substr(text.rfind("progress")),
              "progress 100.0%  spp 20.0  elapsed 71s  done\n");

    display->refresh();  // nothing after stop()
    display->stop();     // idempotent
    EXPECT_EQ(f.out.text(), text);
}

TEST(ProgressDisplay, TerminalLineIsRewrittenInPlace) {
    Fixture f;
    auto display = f.display(true);
    display->start();
    f.now += 5.0;
    display->refresh();  // before the first report: unknown values
    f.samples = 500;
    display->onPass(report(500, 1500, 5.0, false));
    display->refresh();
    f.now += 1.0;
    display->stop();  // not finished: "stopped", the real progress
    const std::string text = f.out.text();
    const std::string first = "[--------------------]  --.-%  spp --  elapsed 5s  ETA --";
    const std::string second = "[#####---------------]  25.0%  spp 5.0  elapsed 5s  ETA 15s";
    ASSERT_EQ(text.substr(0, 1 + first.size()), "\r" + first);
    // A shorter line is padded over the longer one before it.
    EXPECT_EQ(text.substr(1 + first.size(), 1 + second.size()), "\r" + second);
    EXPECT_EQ(text.back(), '\n');
    EXPECT_NE(text.find("stopped"), std::string::npos);
    EXPECT_EQ(count(text, "\n"), 1u);
    EXPECT_EQ(count(text, "\r"), 3u);
}

TEST(ProgressDisplay, ShorterLineClearsTheRest) {
    Fixture f;
    auto display = f.display(true);
    display->start();
    f.now += 3600.0 * 2;  // "elapsed 2h00m" is longer than "elapsed 5s"
    display->refresh();
    const size_t longWidth = f.out.text().size() - 1;
    f.now = 105.0;  // an injected clock may go back: the next line is shorter
    display->refresh();
    const std::string text = f.out.text();
    EXPECT_EQ(text.size() - (longWidth + 1), 1 + longWidth);  // padded to the same width
}

TEST(ProgressDisplay, NeverStartedWritesNothing) {
    Fixture f;
    {
        auto display = f.display(false);
        display->onPass(report(10, 10, 1.0, false));
        display->stop();
    }
    EXPECT_EQ(f.out.text(), "");
}

TEST(ProgressDisplay, StopWakesTheThreadAtOnce) {
    // The thread waits 1e6 s between refreshes: stop() returning at all proves it is woken
    // through the condition variable rather than slept.
    Fixture f;
    auto display = f.display(false);
    display->start();
    display->onPass(report(10, 0, 0.0, true));
    display->stop();
    EXPECT_EQ(count(f.out.text(), "done"), 1u);
}

TEST(ProgressDisplay, DestructorStops) {
    Fixture f;
    {
        auto display = f.display(false);
        display->start();
    }
    EXPECT_NE(f.out.text().find("stopped"), std::string::npos);
}

TEST(ProgressDisplay, ThreadRefreshesUntilStopped) {
    // A fast real thread against onPass() from this one: only the end state is checked.
    Output out;
    std::atomic<uint64_t> samples{0};
    ProgressDisplayOptions options;
    options.terminal = true;
    options.stream = out.stream();
    options.refreshSeconds = 0.001;
    ProgressDisplay display([&] { return samples.load(); }, options);
    display.start();
    for (uint64_t i = 1; i <= 200; ++i) {
        samples = i * 10;
        display.onPass(report(i * 10, 2000 - i * 10, 0.001 * i, i == 200));
    }
    display.stop();
    const std::string text = out.text();
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    EXPECT_EQ(count(text, "\n"), 1u);
    EXPECT_NE(text.substr(text.rfind('\r')).find("100.0%"), std::string::npos);
}

}  // namespace
}  // namespace rt
