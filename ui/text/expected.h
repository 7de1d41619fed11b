// ui::text::Expected and Unexpected: std::expected and std::unexpected wherever the standard
// library has them (GCC 12, every normal build). The fallback exists for one toolchain only:
// clang 14 with libstdc++ 12, which KIOSK_FUZZ uses for libFuzzer, where libstdc++ hides
// <expected> because clang 14 lacks conditionally trivial destructors. It implements just
// what ui/text's callers use.
//
// Not for: new code elsewhere; use std::expected directly.
#pragma once

#include <utility>
#include <version>

#if defined(__cpp_lib_expected)
#include <expected>

namespace ui::text {
template <class T, class E>
using Expected = std::expected<T, E>;
template <class E>
using Unexpected = std::unexpected<E>;
}  // namespace ui::text

#else
#include <type_traits>
#include <variant>

namespace ui::text {

template <class E>
class Unexpected {
public:
    explicit Unexpected(E e) : e_(std::move(e)) {}
    E& error() & { return e_; }
    E&& error() && { return std::move(e_); }

private:
    E e_;
};
template <class E>
Unexpected(E) -> Unexpected<E>;

template <class T, class E>
class Expected {
public:
    template <class U = T>
    requires std::is_constructible_v<T, U&&> Expected(U&& v) : v_(std::in_place_index<0>, std::forward<U>(v)) {}
    template <class G>
    Expected(Unexpected<G> u) : v_(std::in_place_index<1>, E(std::move(u).error())) {}

    bool has_value() const { return v_.index() == 0; }
    explicit operator bool() const { return has_value(); }
    T& operator*() { return std::get<0>(v_); }
    const T& operator*() const { return std::get<0>(v_); }
    T* operator->() { return &std::get<0>(v_); }
    const T* operator->() const { return &std::get<0>(v_); }
    T& value() { return std::get<0>(v_); }
    E& error() { return std::get<1>(v_); }
    const E& error() const { return std::get<1>(v_); }

private:
    std::variant<T, E> v_;
};

template <class E>
class Expected<void, E> {
public:
    Expected() = default;
    template <class G>
    Expected(Unexpected<G> u) : error_(std::move(u).error()), ok_(false) {}
    bool has_value() const { return ok_; }
    explicit operator bool() const { return ok_; }
    E& error() { return error_; }
    const E& error() const { return error_; }

private:
    E error_{};
    bool ok_ = true;
};

}  // namespace ui::text
#endif
