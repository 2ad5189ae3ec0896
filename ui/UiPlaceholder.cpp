// The desktop UI (issue #4) lands here.
namespace kinspect::ui {
int uiVersion()
{
    return 1;
}
} // namespace kinspect::ui
