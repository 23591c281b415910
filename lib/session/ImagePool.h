#pragma once
// Full-resolution images kept for reuse between checkpoints, by file path. A fresh
// 1920x1080 buffer costs tens of milliseconds of page faults while sampling waits; an
// image the writer has finished with costs nothing. Thread-safe: the writer thread gives
// images back, the render loop takes them.
#include <map>
#include <mutex>
#include <string>

#include "io/ImageBuffer.h"

namespace rt {

class ImagePool {
  public:
    // The kept image for `path`, or an empty one.
    ImageBuffer take(const std::string& path) {
        std::lock_guard lock(m_mutex);
        const auto it = m_images.find(path);
        if (it == m_images.end()) return {};
        ImageBuffer image = std::move(it->second);
        m_images.erase(it);
        return image;
    }

    // Keeps one image per path (the latest).
    void give(const std::string& path, ImageBuffer image) {
        std::lock_guard lock(m_mutex);
        m_images[path] = std::move(image);
    }

  private:
    std::mutex m_mutex;
    std::map<std::string, ImageBuffer> m_images;
};

}  // namespace rt
