from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render

from rohnamo.core.queries import jobs_visible_to


@login_required
def job_list(request):
    jobs = jobs_visible_to(request.user)[:100]
    return render(request, "staff/job_list.html", {"jobs": jobs})


@login_required
def job_detail(request, pk):
    job = get_object_or_404(jobs_visible_to(request.user), pk=pk)
    return render(request, "staff/job_detail.html", {"job": job})


@login_required
def job_result(request, pk):
    job = get_object_or_404(jobs_visible_to(request.user), pk=pk)
    if not job.result:
        raise Http404
    return FileResponse(
        job.result.open("rb"), as_attachment=True, filename=job.result.name.rsplit("/", 1)[-1]
    )
