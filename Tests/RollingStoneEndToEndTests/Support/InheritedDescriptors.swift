import Glibc

/// What a child started with `posix_spawn` must not inherit.
///
/// A child gets every descriptor of the test process that is not
/// close-on-exec, and tests run in parallel: a pipe another test has just
/// made for its own child (a room server's standard input, say) is one of
/// them. A child that keeps it (fusefat's daemon stays for the whole run)
/// keeps that pipe open, and the other test's server never sees the end of
/// its input: `.ci/run` once hung on exactly that.
enum InheritedDescriptors {
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// Adds a file action that closes every descriptor from 3 on in the
    /// child, after the actions before it. Returns an error number, as the
    /// `posix_spawn` helpers do.
    ///
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34+) is hidden
    /// behind _GNU_SOURCE, so it is looked up at run time.
    static func closeFromThree(_ actions: inout posix_spawn_file_actions_t) -> Int32 {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return ENOSYS }
        let addCloseFrom = unsafeBitCast(symbol, to: AddCloseFrom.self)
        return addCloseFrom(&actions, 3)
    }
}
